import type { LonLat, Router } from '../route/Router';
import { demandSeeds, timeToDemand, type Demand } from './Demand';

/** How much of the demand stations reach within a target time. */
export interface CoverageResult {
  targetS: number;
  points: number;
  coveredPoints: number;
  shareOfPoints: number;
  totalWeight: number;
  coveredWeight: number;
  shareOfWeight: number;
  /** Fastest response to each demand point (s); Infinity when off-network or beyond `horizonS`. */
  timesS: Float64Array;
}

/**
 * Coverage of `demand` from `stations` within `targetS`: one multi-source Dijkstra from all
 * stations (current closures included), bounded by `horizonS` (default targetS; raise it to get
 * times beyond the target for a map layer).
 */
export function coverage(router: Router, stations: LonLat[], demand: Demand, targetS: number, horizonS = targetS): CoverageResult {
  if (!(targetS > 0)) throw new Error(`coverage: targetS expects a positive number of seconds, got ${targetS}`);
  const nodeCosts = router.nodeCostsFrom(stations.map((s) => router.snap(s)), Math.max(targetS, horizonS));
  const seeds = demandSeeds(router, demand);
  const n = demand.snaps.length;
  const timesS = new Float64Array(n);
  let coveredPoints = 0, coveredWeight = 0;
  for (let i = 0; i < n; i++) {
    const t = timeToDemand(seeds, nodeCosts, i);
    timesS[i] = t <= horizonS || t <= targetS ? t : Infinity;
    if (t <= targetS) { coveredPoints++; coveredWeight += demand.weights[i]; }
  }
  return {
    targetS, points: n, coveredPoints, shareOfPoints: n ? coveredPoints / n : 0,
    totalWeight: demand.totalWeight, coveredWeight, shareOfWeight: demand.totalWeight > 0 ? coveredWeight / demand.totalWeight : 0,
    timesS,
  };
}
