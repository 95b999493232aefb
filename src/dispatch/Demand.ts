import type { LonLat, Router } from '../route/Router';
import type { Snap } from '../route/SnapIndex';
import { targetSeeds } from '../route/snapSeeds';

/** Where people are: points with a weight (population), snapped to the road once. */
export interface Demand {
  lonLat: LonLat[];
  weights: Float64Array;
  totalWeight: number;
  snaps: Array<Snap | null>;
}

/** Snaps demand points (e.g. building centroids weighted by population) onto the network. */
export function snapDemand(router: Router, points: ReadonlyArray<{ lonLat: LonLat; weight: number }>): Demand {
  const weights = Float64Array.from(points, (p) => p.weight);
  return {
    lonLat: points.map((p) => p.lonLat), weights, totalWeight: weights.reduce((s, w) => s + w, 0),
    snaps: points.map((p) => router.snap(p.lonLat)),
  };
}

/**
 * Flat arrival seeds of every demand point for the router's current weights: up to two (node,
 * cost) pairs each, node -1 when absent. Evaluating "time to reach point i" is then
 * min(nodeCost[a_i] + ca_i, nodeCost[b_i] + cb_i), with no allocation in the hot loops.
 */
export function demandSeeds(router: Router, demand: Demand): { nodeA: Int32Array; costA: Float64Array; nodeB: Int32Array; costB: Float64Array } {
  const n = demand.snaps.length, w = router.weightsS();
  const nodeA = new Int32Array(n).fill(-1), nodeB = new Int32Array(n).fill(-1);
  const costA = new Float64Array(n), costB = new Float64Array(n);
  demand.snaps.forEach((s, i) => {
    if (!s) return;
    const seeds = targetSeeds(router.graph, s, w);
    if (seeds.nodes.length > 0) { nodeA[i] = seeds.nodes[0]; costA[i] = seeds.costsS[0]; }
    if (seeds.nodes.length > 1) { nodeB[i] = seeds.nodes[1]; costB[i] = seeds.costsS[1]; }
  });
  return { nodeA, costA, nodeB, costB };
}

/** Time (s) to reach demand point i given forward node costs. */
export function timeToDemand(seeds: ReturnType<typeof demandSeeds>, nodeCostS: Float64Array, i: number): number {
  const a = seeds.nodeA[i] >= 0 ? nodeCostS[seeds.nodeA[i]] + seeds.costA[i] : Infinity;
  const b = seeds.nodeB[i] >= 0 ? nodeCostS[seeds.nodeB[i]] + seeds.costB[i] : Infinity;
  return a < b ? a : b;
}
