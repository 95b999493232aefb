import type { ContractionHierarchy } from './ContractionHierarchy';
import type { MinHeap } from './MinHeap';
import type { SearchLabels } from './SearchLabels';
import type { Seeds } from './Seeds';

/**
 * Exact A* potentials from a contraction hierarchy (CH-Potentials, Strasser & Zeitz, ALENEX 2021):
 * pi(v) = the free-flow time from v to the targets. Closures and slowdowns only raise times
 * (RouteOverrides), so free-flow times are lower bounds of the real ones and pi is a feasible,
 * consistent A* potential on the overridden weights: the hierarchy keeps guiding exact searches
 * without being rebuilt or re-customised, and stays exact where a closure took a witness away.
 *
 * setTargets runs one full backward upward search (on the down graph) from the targets; pi(v) is
 * then min(backward label of v, min over up edges v -> x of weight + pi(x)), memoised, computed on
 * demand for the nodes the A* search touches (dijkstraPath with `potential`).
 */
export class ChPotentials {
  private readonly pot: Float64Array;
  private readonly stamp: Uint32Array;
  private gen = 0;
  private readonly stack: number[] = [];

  /** `labels` and `heap` hold the backward search: nothing else may use them between setTargets and the last potential(). */
  constructor(private readonly ch: ContractionHierarchy, private readonly labels: SearchLabels, private readonly heap: MinHeap) {
    this.pot = new Float64Array(ch.nodeCount);
    this.stamp = new Uint32Array(ch.nodeCount);
  }

  /** Aims the potentials at `targets` (their seed costs included). */
  setTargets(targets: Seeds): void {
    const { ch, labels, heap } = this;
    this.gen = this.gen === 0xffffffff ? (this.stamp.fill(0), 1) : this.gen + 1;
    labels.reset();
    heap.clear();
    for (let i = 0; i < targets.nodes.length; i++) {
      const v = targets.nodes[i], c = targets.costsS[i];
      if (c < labels.get(v)) { labels.set(v, c, -1, -1); heap.push(v, c); }
    }
    // No stall-on-demand: every label must be an exact downward distance for the bound to be tight.
    while (heap.size > 0) {
      const u = heap.pop();
      labels.settle(u);
      const du = labels.dist[u];
      for (let e = ch.downOffsets[u], end = ch.downOffsets[u + 1]; e < end; e++) {
        const x = ch.downFrom[e], d = du + ch.downWeightS[e];
        if (d < labels.get(x)) { labels.set(x, d, u, e); heap.push(x, d); }
      }
    }
  }

  /** Free-flow time (s) from v to the nearest target; Infinity when no target can be reached. */
  potential(v: number): number {
    if (this.stamp[v] === this.gen) return this.pot[v];
    const { ch, stack, stamp, pot, gen } = this;
    stack.push(v);
    while (stack.length > 0) {
      const u = stack[stack.length - 1];
      if (stamp[u] === gen) { stack.pop(); continue; }
      let ready = true;
      for (let e = ch.upOffsets[u], end = ch.upOffsets[u + 1]; e < end; e++) {
        if (stamp[ch.upTo[e]] !== gen) { stack.push(ch.upTo[e]); ready = false; }
      }
      if (!ready) continue;
      let best = this.labels.get(u);
      for (let e = ch.upOffsets[u], end = ch.upOffsets[u + 1]; e < end; e++) {
        const via = ch.upWeightS[e] + pot[ch.upTo[e]];
        if (via < best) best = via;
      }
      pot[u] = best;
      stamp[u] = gen;
      stack.pop();
    }
    return pot[v];
  }
}
