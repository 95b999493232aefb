import { MinHeap } from '../../route/MinHeap';
import { throwIfCancelled } from '../core/SimCancelledError';
import type { AbortLike } from '../core/SimProgress';
import { packAssignment, type Assignment } from './Assignment';
import type { Candidates } from './Candidates';

/**
 * Assignment of least total travel time (person-seconds) among those that shelter the most people:
 * a min-cost max-flow on source -> groups (their people) -> shelters (candidate pairs, cost = time)
 * -> sink (capacities), by successive shortest paths with Johnson potentials (Dijkstra on reduced
 * costs, all >= 0 since times are). Each augmentation fills a group, a shelter or re-routes along
 * the cheapest alternating path, so the result is optimal for the candidate pairs given.
 */
export function assignMinCost(people: Float64Array, capacity: Float64Array, c: Candidates, signal?: AbortLike): Assignment {
  const G = c.groupCount, S = c.shelterCount, V = G + S + 2, src = G + S, sink = G + S + 1;
  const m = 2 * (G + c.shelter.length + S);
  const to = new Int32Array(m), next = new Int32Array(m), cap = new Float64Array(m), cost = new Float64Array(m);
  const first = new Int32Array(V).fill(-1);
  let e = 0;
  const addEdge = (u: number, v: number, capacityN: number, costS: number) => {
    to[e] = v; cap[e] = capacityN; cost[e] = costS; next[e] = first[u]; first[u] = e++;
    to[e] = u; cap[e] = 0; cost[e] = -costS; next[e] = first[v]; first[v] = e++;
  };
  for (let g = 0; g < G; g++) addEdge(src, g, people[g], 0);
  for (let g = 0; g < G; g++) for (let k = c.offsets[g]; k < c.offsets[g + 1]; k++) addEdge(g, G + c.shelter[k], people[g], c.timeS[k]);
  for (let s = 0; s < S; s++) addEdge(G + s, sink, Math.floor(capacity[s]), 0);
  const h = new Float64Array(V), dist = new Float64Array(V), prev = new Int32Array(V), heap = new MinHeap(V);
  for (;;) {
    throwIfCancelled(signal, 0);
    dist.fill(Infinity);
    prev.fill(-1);
    dist[src] = 0;
    heap.clear();
    heap.push(src, 0);
    while (heap.size > 0) {
      const u = heap.pop(), du = dist[u];
      for (let q = first[u]; q >= 0; q = next[q]) {
        if (cap[q] <= 0) continue;
        const v = to[q], d = du + Math.max(0, cost[q] + h[u] - h[v]);
        if (d < dist[v]) { dist[v] = d; prev[v] = q; heap.push(v, d); }
      }
    }
    if (dist[sink] === Infinity) break;
    for (let v = 0; v < V; v++) if (dist[v] < Infinity) h[v] += dist[v];
    let f = Infinity;
    for (let v = sink; v !== src; v = to[prev[v] ^ 1]) f = Math.min(f, cap[prev[v]]);
    for (let v = sink; v !== src; v = to[prev[v] ^ 1]) { cap[prev[v]] -= f; cap[prev[v] ^ 1] += f; }
  }
  return collect(G, c, first, next, to, cap, people);
}

/** Reads the flows off the group -> shelter edges (flow = reverse residual capacity). */
function collect(G: number, c: Candidates, first: Int32Array, next: Int32Array, to: Int32Array, cap: Float64Array, people: Float64Array): Assignment {
  const flows: Array<[number, number, number]> = [], unassigned = Float64Array.from(people);
  for (let g = 0; g < G; g++) {
    for (let q = first[g]; q >= 0; q = next[q]) {
      const v = to[q];
      if ((q & 1) === 0 && v >= G && v < G + c.shelterCount && cap[q ^ 1] > 0) {
        flows.push([g, v - G, cap[q ^ 1]]);
        unassigned[g] -= cap[q ^ 1];
      }
    }
  }
  flows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return packAssignment(flows, unassigned);
}
