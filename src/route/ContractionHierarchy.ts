/**
 * A contraction hierarchy over a RoadGraph: every node has a rank; the upward graph holds, for each
 * node v, the arcs and shortcuts v -> x to higher-ranked x, and the downward graph the ones x -> v
 * from higher-ranked x (stored at v, searched backwards). A query only climbs: forward from the
 * source on `up`, backward from the target on `down`; they meet at the path's highest node.
 *
 * Edge codes: >= 0 is the middle node of a shortcut (unpack into two edges at that node);
 * < 0 is an original arc, id = -code - 1.
 */
export interface ContractionHierarchy {
  readonly nodeCount: number;
  /** Contraction order: 0 = contracted first (least important). */
  readonly rank: Uint32Array;
  readonly upOffsets: Uint32Array;
  readonly upTo: Uint32Array;
  readonly upWeightS: Float64Array;
  readonly upCode: Int32Array;
  readonly downOffsets: Uint32Array;
  readonly downFrom: Uint32Array;
  readonly downWeightS: Float64Array;
  readonly downCode: Int32Array;
  /** Shortcuts added during contraction. */
  readonly shortcutCount: number;
}

/** Code of an original arc in upCode/downCode. */
export const arcCode = (arc: number): number => -arc - 1;

/**
 * Appends to `out` the original arcs of the hierarchy edge a -> b with `code`, in travel order.
 * Iterative (an explicit stack of pending edges), so a deep nesting of shortcuts cannot overflow
 * the call stack.
 */
export function unpackEdge(ch: ContractionHierarchy, a: number, b: number, code: number, out: number[]): void {
  const stack = [a, b, code];
  while (stack.length > 0) {
    const c = stack.pop()!, to = stack.pop()!, from = stack.pop()!;
    if (c < 0) {
      out.push(-c - 1);
      continue;
    }
    const [first, second] = shortcutHalves(ch, from, to, c);
    // Second half pushed first: the stack pops the first half first.
    stack.push(c, to, ch.upCode[second], from, c, ch.downCode[first]);
  }
}

/** The down edge a -> m and the up edge m -> b (the cheapest of each) that make the shortcut a -> b via m. */
function shortcutHalves(ch: ContractionHierarchy, a: number, b: number, m: number): [number, number] {
  let first = -1, second = -1;
  for (let e = ch.downOffsets[m], end = ch.downOffsets[m + 1]; e < end; e++) {
    if (ch.downFrom[e] === a && (first < 0 || ch.downWeightS[e] < ch.downWeightS[first])) first = e;
  }
  for (let e = ch.upOffsets[m], end = ch.upOffsets[m + 1]; e < end; e++) {
    if (ch.upTo[e] === b && (second < 0 || ch.upWeightS[e] < ch.upWeightS[second])) second = e;
  }
  if (first < 0 || second < 0) throw new Error(`ContractionHierarchy: shortcut ${a} -> ${b} via ${m} has no halves (corrupt hierarchy)`);
  return [first, second];
}
