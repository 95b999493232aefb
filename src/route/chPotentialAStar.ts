import type { ChPotentials } from './chPotentials';
import { tracePath } from './dijkstra';
import type { MinHeap } from './MinHeap';
import type { RoadGraph } from './RoadGraph';
import type { SearchLabels } from './SearchLabels';
import type { ArcPath, Seeds } from './Seeds';

/**
 * Exact shortest path on `weightsS` (free-flow times raised by closures and slowdowns) by A* with
 * hierarchy potentials already aimed at `targets` (ChPotentials.setTargets). Nodes that cannot
 * reach a target even at free flow are never queued. Returns null when no target is reachable.
 */
export function chPotentialAStar(
  g: RoadGraph, weightsS: Float64Array, potentials: ChPotentials, sources: Seeds, targets: Seeds, labels: SearchLabels, heap: MinHeap,
): ArcPath | null {
  labels.reset();
  heap.clear();
  for (let i = 0; i < sources.nodes.length; i++) {
    const v = sources.nodes[i], c = sources.costsS[i], p = potentials.potential(v);
    if (p < Infinity && c < labels.get(v)) { labels.set(v, c, -1, -1); heap.push(v, c + p); }
  }
  let best = Infinity, bestNode = -1;
  while (heap.size > 0 && heap.minKey() < best) {
    const u = heap.pop();
    labels.settle(u);
    const du = labels.dist[u];
    for (let j = 0; j < targets.nodes.length; j++) {
      if (targets.nodes[j] === u && du + targets.costsS[j] < best) { best = du + targets.costsS[j]; bestNode = u; }
    }
    for (let a = g.arcOffsets[u], end = g.arcOffsets[u + 1]; a < end; a++) {
      const v = g.arcTo[a], d = du + weightsS[a];
      if (!(d < labels.get(v))) continue;
      const p = potentials.potential(v);
      if (p === Infinity) continue;
      labels.set(v, d, u, a);
      heap.push(v, d + p);
    }
  }
  return bestNode < 0 ? null : { costS: best, ...tracePath(labels, bestNode, false) };
}
