import { unpackEdge, type ContractionHierarchy } from './ContractionHierarchy';
import type { MinHeap } from './MinHeap';
import type { SearchLabels } from './SearchLabels';
import type { ArcPath, Seeds } from './Seeds';

/** Scratch for hierarchy queries: labels and heaps per direction, sized to the node count. */
export interface ChWorkspace {
  fwd: SearchLabels; bwd: SearchLabels;
  fwdHeap: MinHeap; bwdHeap: MinHeap;
}

/**
 * Exact shortest path on a contraction hierarchy: an upward search from the sources and one from
 * the targets (on the downward graph, backwards), alternating, with stall-on-demand (a node reached
 * more cheaply from a higher neighbour is not expanded). Each side stops once its queue minimum
 * reaches the best meeting cost. Returns the unpacked original arcs, or null when unreachable.
 */
export function chShortestPath(ch: ContractionHierarchy, sources: Seeds, targets: Seeds, ws: ChWorkspace): ArcPath | null {
  const meet = chMeet(ch, sources, targets, ws);
  if (meet.node < 0) return null;
  const arcs: number[] = [];
  const head: number[] = [];
  let v = meet.node;
  while (ws.fwd.parentNode[v] >= 0) { head.push(v); v = ws.fwd.parentNode[v]; }
  const firstNode = v;
  for (let i = head.length - 1, from = firstNode; i >= 0; i--) {
    const to = head[i];
    unpackEdge(ch, from, to, ch.upCode[ws.fwd.parentEdge[to]], arcs);
    from = to;
  }
  v = meet.node;
  while (ws.bwd.parentNode[v] >= 0) {
    const next = ws.bwd.parentNode[v];
    unpackEdge(ch, v, next, ch.downCode[ws.bwd.parentEdge[v]], arcs);
    v = next;
  }
  return { costS: meet.costS, firstNode, lastNode: v, arcs };
}

/** The best meeting node and cost (s) of a hierarchy query; node -1 when none. */
export function chMeet(ch: ContractionHierarchy, sources: Seeds, targets: Seeds, ws: ChWorkspace): { node: number; costS: number } {
  const { fwd, bwd, fwdHeap, bwdHeap } = ws;
  fwd.reset(); bwd.reset(); fwdHeap.clear(); bwdHeap.clear();
  for (let i = 0; i < sources.nodes.length; i++) seed(fwd, fwdHeap, sources.nodes[i], sources.costsS[i]);
  for (let i = 0; i < targets.nodes.length; i++) seed(bwd, bwdHeap, targets.nodes[i], targets.costsS[i]);
  let best = Infinity, meet = -1;
  let forward = true;
  for (;;) {
    const fOpen = fwdHeap.size > 0 && fwdHeap.minKey() < best;
    const bOpen = bwdHeap.size > 0 && bwdHeap.minKey() < best;
    if (!fOpen && !bOpen) break;
    forward = fOpen && bOpen ? !forward : fOpen;
    const r = forward ? settleUp(ch, fwd, fwdHeap) : settleDown(ch, bwd, bwdHeap);
    const u = r < 0 ? -r - 1 : r;
    const total = fwd.get(u) + bwd.get(u);
    if (total < best) { best = total; meet = u; }
  }
  return { node: meet, costS: best };
}

function seed(labels: SearchLabels, heap: MinHeap, node: number, costS: number): void {
  if (costS < labels.get(node)) { labels.set(node, costS, -1, -1); heap.push(node, costS); }
}

/** Pops and expands one node of the forward (upward) search; returns it, or -node-1 when it was stalled. */
export function settleUp(ch: ContractionHierarchy, labels: SearchLabels, heap: MinHeap): number {
  const u = heap.pop();
  labels.settle(u);
  const du = labels.dist[u];
  // Stall: a higher node x with x -> u cheaper than our label means u is not on a shortest up-path.
  for (let e = ch.downOffsets[u], end = ch.downOffsets[u + 1]; e < end; e++) {
    if (labels.get(ch.downFrom[e]) + ch.downWeightS[e] < du) return -u - 1;
  }
  for (let e = ch.upOffsets[u], end = ch.upOffsets[u + 1]; e < end; e++) {
    const x = ch.upTo[e], d = du + ch.upWeightS[e];
    if (d < labels.get(x)) { labels.set(x, d, u, e); heap.push(x, d); }
  }
  return u;
}

/** Pops and expands one node of the backward (downward graph) search; returns it, or -node-1 when stalled. */
export function settleDown(ch: ContractionHierarchy, labels: SearchLabels, heap: MinHeap): number {
  const u = heap.pop();
  labels.settle(u);
  const du = labels.dist[u];
  for (let e = ch.upOffsets[u], end = ch.upOffsets[u + 1]; e < end; e++) {
    if (labels.get(ch.upTo[e]) + ch.upWeightS[e] < du) return -u - 1;
  }
  for (let e = ch.downOffsets[u], end = ch.downOffsets[u + 1]; e < end; e++) {
    const x = ch.downFrom[e], d = du + ch.downWeightS[e];
    if (d < labels.get(x)) { labels.set(x, d, u, e); heap.push(x, d); }
  }
  return u;
}
