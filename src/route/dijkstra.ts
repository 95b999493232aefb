import { MinHeap } from './MinHeap';
import type { RoadGraph } from './RoadGraph';
import { SearchLabels } from './SearchLabels';
import type { ArcPath, Seeds } from './Seeds';

/**
 * Plain Dijkstra from `sources` to the cheapest of `targets` (seed costs included) on `weightsS`
 * (per-arc seconds; Infinity = closed). The reference every faster query is tested against.
 * With `potential` (a feasible lower bound of the cost from a node to the targets, Infinity when
 * none can be reached) it is A*: keys are cost + potential, and nodes that cannot reach a target
 * are never queued. Returns null when no target is reachable.
 */
export function dijkstraPath(
  g: RoadGraph, weightsS: Float64Array, sources: Seeds, targets: Seeds,
  labels = new SearchLabels(g.nodeCount), heap = new MinHeap(g.nodeCount), potential?: (node: number) => number,
): ArcPath | null {
  labels.reset();
  heap.clear();
  for (let i = 0; i < sources.nodes.length; i++) {
    const v = sources.nodes[i], c = sources.costsS[i], p = potential ? potential(v) : 0;
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
      const p = potential ? potential(v) : 0;
      if (p === Infinity) continue;
      labels.set(v, d, u, a);
      heap.push(v, d + p);
    }
  }
  return bestNode < 0 ? null : { costS: best, ...tracePath(labels, bestNode, false) };
}

/** Options of growDijkstraTree. */
export interface TreeOptions {
  /** Stop once the next node costs more than this (s). Default Infinity. */
  maxCostS?: number;
  /** Search the reversed graph: labels are costs from each node TO the seeds. */
  backward?: boolean;
  /** Stop as soon as all these nodes are settled. */
  untilSettled?: ArrayLike<number>;
  /** Stop after settling this many nodes (the heap is then not empty). Default Infinity. */
  maxSettled?: number;
}

/**
 * Grows a shortest-path tree from `seeds` into `labels` (one-to-all, bounded by maxCostS), the
 * building block of isochrones, coverage and many-to-one under closures. Returns nodes settled.
 */
export function growDijkstraTree(
  g: RoadGraph, weightsS: Float64Array, seeds: Seeds, opts: TreeOptions,
  labels = new SearchLabels(g.nodeCount), heap = new MinHeap(g.nodeCount),
): number {
  labels.reset();
  heap.clear();
  const maxCost = opts.maxCostS ?? Infinity, backward = opts.backward === true;
  for (let i = 0; i < seeds.nodes.length; i++) relaxSeed(labels, heap, seeds.nodes[i], seeds.costsS[i]);
  let pending = 0;
  const wanted = opts.untilSettled;
  if (wanted) for (let i = 0; i < wanted.length; i++) pending++;
  let settledCount = 0;
  const offsets = backward ? g.inOffsets : g.arcOffsets, maxSettled = opts.maxSettled ?? Infinity;
  while (heap.size > 0 && heap.minKey() <= maxCost && settledCount < maxSettled) {
    const u = heap.pop();
    labels.settle(u);
    settledCount++;
    if (wanted && pending > 0) {
      for (let i = 0; i < wanted.length; i++) if (wanted[i] === u) pending--;
      if (pending === 0) break;
    }
    const du = labels.dist[u];
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const a = backward ? g.inArcs[k] : k;
      const v = backward ? g.arcFrom[a] : g.arcTo[a], d = du + weightsS[a];
      if (d < labels.get(v)) { labels.set(v, d, u, a); heap.push(v, d); }
    }
  }
  return settledCount;
}

function relaxSeed(labels: SearchLabels, heap: MinHeap, node: number, costS: number): void {
  if (costS < labels.get(node)) { labels.set(node, costS, -1, -1); heap.push(node, costS); }
}

/**
 * The arcs from the seed to `node` along parent edges. With `backward` the labels came from a
 * reversed search, so the walk goes from `node` towards the seed and arcs come out in travel order.
 */
export function tracePath(labels: SearchLabels, node: number, backward: boolean): { firstNode: number; lastNode: number; arcs: number[] } {
  const arcs: number[] = [];
  let v = node;
  while (labels.parentEdge[v] >= 0) {
    arcs.push(labels.parentEdge[v]);
    v = labels.parentNode[v];
  }
  if (backward) return { firstNode: node, lastNode: v, arcs };
  arcs.reverse();
  return { firstNode: v, lastNode: node, arcs };
}
