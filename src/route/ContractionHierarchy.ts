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
 * Shortcut nesting is shallow (a few dozen levels), so recursion depth stays small.
 */
export function unpackEdge(ch: ContractionHierarchy, a: number, b: number, code: number, out: number[]): void {
  if (code < 0) {
    out.push(-code - 1);
    return;
  }
  const m = code;
  let first = -1, second = -1;
  for (let e = ch.downOffsets[m], end = ch.downOffsets[m + 1]; e < end; e++) {
    if (ch.downFrom[e] === a && (first < 0 || ch.downWeightS[e] < ch.downWeightS[first])) first = e;
  }
  for (let e = ch.upOffsets[m], end = ch.upOffsets[m + 1]; e < end; e++) {
    if (ch.upTo[e] === b && (second < 0 || ch.upWeightS[e] < ch.upWeightS[second])) second = e;
  }
  if (first < 0 || second < 0) throw new Error(`ContractionHierarchy: shortcut ${a} -> ${b} via ${m} has no halves (corrupt hierarchy)`);
  unpackEdge(ch, a, m, ch.downCode[first], out);
  unpackEdge(ch, m, b, ch.upCode[second], out);
}
