import { seedPotential } from './chordPotential';
import type { MinHeap } from './MinHeap';
import type { RoadGraph } from './RoadGraph';
import type { SearchLabels } from './SearchLabels';
import type { ArcPath, Seeds } from './Seeds';
import { tracePath } from './dijkstra';

/** Scratch for one bidirectional search: labels and heaps per direction, unit-sphere node positions. */
export interface BidirectionalWorkspace {
  fwd: SearchLabels; bwd: SearchLabels;
  fwdHeap: MinHeap; bwdHeap: MinHeap;
  /** unitSpherePoints(g.nodeLonLatDeg). */
  xyz: Float64Array;
}

/**
 * Exact bidirectional A* with the average potential p(v) = (h_t(v) - h_s(v)) / 2 (Ikeda et al.):
 * the forward search keys g + p, the backward g - p, both on non-negative reduced costs, and the
 * search stops when the two queue minima sum to at least the best meeting cost. `chordSpeed` comes
 * from maxChordSpeed for these weights (Infinity turns this into bidirectional Dijkstra).
 */
export function bidirectionalAStar(
  g: RoadGraph, weightsS: Float64Array, chordSpeed: number, sources: Seeds, targets: Seeds, ws: BidirectionalWorkspace,
): ArcPath | null {
  const { fwd, bwd, fwdHeap, bwdHeap, xyz } = ws;
  const pot = (v: number) => chordSpeed === Infinity ? 0 : (seedPotential(xyz, chordSpeed, v, targets) - seedPotential(xyz, chordSpeed, v, sources)) / 2;
  fwd.reset(); bwd.reset(); fwdHeap.clear(); bwdHeap.clear();
  let best = Infinity, meet = -1;
  for (let i = 0; i < sources.nodes.length; i++) {
    const v = sources.nodes[i], c = sources.costsS[i];
    if (c < fwd.get(v)) { fwd.set(v, c, -1, -1); fwdHeap.push(v, c + pot(v)); }
  }
  for (let i = 0; i < targets.nodes.length; i++) {
    const v = targets.nodes[i], c = targets.costsS[i];
    if (c < bwd.get(v)) { bwd.set(v, c, -1, -1); bwdHeap.push(v, c - pot(v)); }
    if (fwd.get(v) + c < best) { best = fwd.get(v) + c; meet = v; }
  }
  while (fwdHeap.minKey() + bwdHeap.minKey() < best) {
    const forward = fwdHeap.size > 0 && (bwdHeap.size === 0 || fwdHeap.size <= bwdHeap.size);
    const labels = forward ? fwd : bwd, other = forward ? bwd : fwd, heap = forward ? fwdHeap : bwdHeap;
    const u = heap.pop();
    labels.settle(u);
    const du = labels.dist[u];
    const offsets = forward ? g.arcOffsets : g.inOffsets;
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const a = forward ? k : g.inArcs[k];
      const v = forward ? g.arcTo[a] : g.arcFrom[a];
      const d = du + weightsS[a];
      if (!(d < labels.get(v))) continue;
      labels.set(v, d, u, a);
      heap.push(v, forward ? d + pot(v) : d - pot(v));
      const total = d + other.get(v);
      if (total < best) { best = total; meet = v; }
    }
  }
  if (meet < 0) return null;
  const head = tracePath(fwd, meet, false), tail = tracePath(bwd, meet, true);
  return { costS: best, firstNode: head.firstNode, lastNode: tail.lastNode, arcs: head.arcs.concat(tail.arcs) };
}
