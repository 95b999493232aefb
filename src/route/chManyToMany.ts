import type { ContractionHierarchy } from './ContractionHierarchy';
import { settleDown, settleUp, type ChWorkspace } from './chQuery';
import type { Seeds } from './Seeds';

/**
 * Travel-time table (s) from every source to every target on a contraction hierarchy, with buckets
 * (Knopp et al. 2007): one full backward upward search per target leaves (target, cost) in a bucket
 * at each node it settles; one forward upward search per source scans the buckets it meets.
 * Cost: (sources + targets) small searches, instead of one graph-wide Dijkstra per source.
 * Row-major result: table[i * targets.length + j]; Infinity when unreachable.
 */
export function chManyToMany(ch: ContractionHierarchy, sources: Seeds[], targets: Seeds[], ws: ChWorkspace): Float64Array {
  const bucketNode: number[] = [], bucketTarget: number[] = [], bucketCost: number[] = [];
  targets.forEach((t, j) => {
    search(ws, t, false, ch, (v, d) => { bucketNode.push(v); bucketTarget.push(j); bucketCost.push(d); });
  });
  const byNode = new Map<number, number[]>();
  for (let k = 0; k < bucketNode.length; k++) {
    const list = byNode.get(bucketNode[k]);
    if (list) list.push(k); else byNode.set(bucketNode[k], [k]);
  }
  const T = targets.length;
  const table = new Float64Array(sources.length * T).fill(Infinity);
  sources.forEach((s, i) => {
    search(ws, s, true, ch, (v, d) => {
      const list = byNode.get(v);
      if (!list) return;
      for (const k of list) {
        const c = d + bucketCost[k], at = i * T + bucketTarget[k];
        if (c < table[at]) table[at] = c;
      }
    });
  });
  return table;
}

/** One complete upward search (forward on up, or backward on down); `visit` sees unstalled nodes. */
function search(ws: ChWorkspace, seeds: Seeds, forward: boolean, ch: ContractionHierarchy, visit: (v: number, d: number) => void): void {
  const labels = forward ? ws.fwd : ws.bwd, heap = forward ? ws.fwdHeap : ws.bwdHeap;
  labels.reset();
  heap.clear();
  for (let i = 0; i < seeds.nodes.length; i++) {
    const v = seeds.nodes[i], c = seeds.costsS[i];
    if (c < labels.get(v)) { labels.set(v, c, -1, -1); heap.push(v, c); }
  }
  while (heap.size > 0) {
    const u = forward ? settleUp(ch, labels, heap) : settleDown(ch, labels, heap);
    if (u >= 0) visit(u, labels.dist[u]);
  }
}
