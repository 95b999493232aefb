import type { ContractionHierarchy } from './ContractionHierarchy';
import type { RoadGraph } from './RoadGraph';
import { corrupt } from './validateRoadGraph';

/**
 * Checks a stored contraction hierarchy against its graph, so that every query terminates and
 * every path it unpacks is a real path at its real cost: ranks are a permutation; each node's up
 * edges go to higher-ranked nodes and its down edges come from them; an original-arc edge joins the
 * arc's ends at exactly the arc's free-flow time; a shortcut's middle node ranks below both ends
 * and the shortcut's weight is the sum of its two halves. O(n + edges).
 */
export function validateHierarchy(ch: ContractionHierarchy, g: RoadGraph, source: string): void {
  const n = g.nodeCount;
  const seen = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const r = ch.rank[v];
    if (r >= n || seen[r]) throw corrupt(source, `rank[${v}] = ${r}: expected a permutation of 0..${n - 1}`);
    seen[r] = 1;
  }
  checkSide(ch, g, source, true);
  checkSide(ch, g, source, false);
  checkShortcutHalves(ch, source);
}

/** Offsets, ends, ranks, weights and original-arc codes of the up (or down) edges. */
function checkSide(ch: ContractionHierarchy, g: RoadGraph, source: string, up: boolean): void {
  const n = g.nodeCount, side = up ? 'up' : 'down';
  const offsets = up ? ch.upOffsets : ch.downOffsets, other = up ? ch.upTo : ch.downFrom;
  const weight = up ? ch.upWeightS : ch.downWeightS, code = up ? ch.upCode : ch.downCode;
  if (offsets[0] !== 0 || offsets[n] !== other.length) throw corrupt(source, `${side}Offsets: expected 0 .. ${other.length}, got ${offsets[0]} .. ${offsets[n]}`);
  for (let v = 0; v < n; v++) {
    if (offsets[v + 1] < offsets[v]) throw corrupt(source, `${side}Offsets[${v + 1}]: expected non-decreasing offsets`);
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const x = other[e], w = weight[e], c = code[e];
      if (x >= n || ch.rank[x] <= ch.rank[v]) throw corrupt(source, `${side} edge ${e} of node ${v}: expected a higher-ranked node, got ${x}`);
      if (!(w >= 0 && w < Infinity)) throw corrupt(source, `${side}WeightS[${e}] = ${w}: expected a finite time >= 0 s`);
      if (c >= 0) {
        if (c >= n || ch.rank[c] >= ch.rank[v]) throw corrupt(source, `${side} shortcut ${e} of node ${v} via ${c}: expected a middle node ranked below both ends`);
        continue;
      }
      const arc = -c - 1, tail = up ? v : x, head = up ? x : v;
      if (arc >= g.arcCount || g.arcFrom[arc] !== tail || g.arcTo[arc] !== head || g.arcTimeS[arc] !== w) {
        throw corrupt(source, `${side} edge ${e} (${tail} -> ${head}, ${w} s): expected arc ${arc} with those ends and that time`);
      }
    }
  }
}

/**
 * Every shortcut a -> b via m needs an edge a -> m (down, at m) and m -> b (up, at m) whose weights
 * add up to its own. Shortcuts are grouped by m so each m's lists are read once.
 */
function checkShortcutHalves(ch: ContractionHierarchy, source: string): void {
  const n = ch.nodeCount;
  const byMid = groupShortcutsByMiddle(ch);
  const inW = new Float64Array(n).fill(Infinity), outW = new Float64Array(n).fill(Infinity);
  for (let m = 0; m < n; m++) {
    if (byMid.start[m] === byMid.start[m + 1]) continue;
    for (let e = ch.downOffsets[m]; e < ch.downOffsets[m + 1]; e++) inW[ch.downFrom[e]] = Math.min(inW[ch.downFrom[e]], ch.downWeightS[e]);
    for (let e = ch.upOffsets[m]; e < ch.upOffsets[m + 1]; e++) outW[ch.upTo[e]] = Math.min(outW[ch.upTo[e]], ch.upWeightS[e]);
    for (let k = byMid.start[m]; k < byMid.start[m + 1]; k++) {
      const a = byMid.from[k], b = byMid.to[k], w = byMid.weight[k], sum = inW[a] + outW[b];
      if (!(Math.abs(sum - w) <= 1e-9 * Math.max(1, w))) throw corrupt(source, `shortcut ${a} -> ${b} via ${m} (${w} s): expected halves ${a} -> ${m} -> ${b} adding up to it, got ${sum} s`);
    }
    for (let e = ch.downOffsets[m]; e < ch.downOffsets[m + 1]; e++) inW[ch.downFrom[e]] = Infinity;
    for (let e = ch.upOffsets[m]; e < ch.upOffsets[m + 1]; e++) outW[ch.upTo[e]] = Infinity;
  }
}

/** Shortcuts (tail, head, weight) in CSR by middle node. */
function groupShortcutsByMiddle(ch: ContractionHierarchy) {
  const n = ch.nodeCount, start = new Uint32Array(n + 1);
  const each = (f: (mid: number, from: number, to: number, w: number) => void) => {
    for (let v = 0; v < n; v++) {
      for (let e = ch.upOffsets[v]; e < ch.upOffsets[v + 1]; e++) if (ch.upCode[e] >= 0) f(ch.upCode[e], v, ch.upTo[e], ch.upWeightS[e]);
      for (let e = ch.downOffsets[v]; e < ch.downOffsets[v + 1]; e++) if (ch.downCode[e] >= 0) f(ch.downCode[e], ch.downFrom[e], v, ch.downWeightS[e]);
    }
  };
  each((mid) => { start[mid + 1]++; });
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n), total = start[n];
  const from = new Uint32Array(total), to = new Uint32Array(total), weight = new Float64Array(total);
  each((mid, a, b, w) => { const k = fill[mid]++; from[k] = a; to[k] = b; weight[k] = w; });
  return { start, from, to, weight };
}
