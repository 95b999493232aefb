import type { RoadGraph } from '../route/RoadGraph';
import type { LonLat, Router } from '../route/Router';
import { coverage } from './coverage';
import { demandSeeds, timeToDemand, type Demand } from './Demand';

/** Where new stations help most, and by how much. */
export interface LocationPlan {
  targetS: number;
  /** Chosen sites in order of choice with the weight each newly covers given the others. */
  sites: Array<{ lonLat: LonLat; addedWeight: number }>;
  before: { coveredWeight: number; shareOfWeight: number };
  after: { coveredWeight: number; shareOfWeight: number };
  candidatesConsidered: number;
}

/**
 * Maximal covering location: picks up to `k` of `candidates` (fewer when no more can help) that, added to `existing` stations, cover
 * the most demand weight within `targetS`. Greedy (each step takes the candidate covering the most
 * still-uncovered weight, a (1 - 1/e)-approximation), then a swap pass (Teitz-Bart) that replaces
 * a chosen site by an unchosen one while that covers more.
 */
export function locateStations(router: Router, demand: Demand, existing: LonLat[], candidates: LonLat[], k: number, targetS: number): LocationPlan {
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`locateStations: k expects a positive integer, got ${k}`);
  const base = coverage(router, existing, demand, targetS);
  const seeds = demandSeeds(router, demand);
  const uncovered: number[] = [];
  for (let i = 0; i < base.timesS.length; i++) if (!(base.timesS[i] <= targetS)) uncovered.push(i);
  // Which uncovered demand points each candidate reaches in time.
  const reach = candidates.map((c) => {
    const costs = router.nodeCostsFrom([router.snap(c)], targetS);
    return Int32Array.from(uncovered.filter((i) => timeToDemand(seeds, costs, i) <= targetS));
  });
  const count = new Int32Array(demand.weights.length);
  const gain = (c: number) => reach[c].reduce((s, i) => s + (count[i] === 0 ? demand.weights[i] : 0), 0);
  const chosen: number[] = [];
  for (let step = 0; step < Math.min(k, candidates.length); step++) {
    let best = -1, bestGain = -1;
    for (let c = 0; c < candidates.length; c++) {
      if (chosen.includes(c)) continue;
      const g = gain(c);
      if (g > bestGain) { bestGain = g; best = c; }
    }
    if (bestGain <= 0) break; // nothing left that a new site could cover
    chosen.push(best);
    for (const i of reach[best]) count[i]++;
  }
  improveBySwaps(chosen, reach, count, demand.weights);
  const added = chosen.map((c) => ({ c, w: 0 }));
  const covered = new Int32Array(demand.weights.length);
  for (const a of added) for (const i of reach[a.c]) if (covered[i]++ === 0) a.w += demand.weights[i];
  const addedWeight = added.reduce((s, a) => s + a.w, 0);
  const total = demand.totalWeight;
  return {
    targetS,
    sites: added.map((a) => ({ lonLat: candidates[a.c], addedWeight: a.w })),
    before: { coveredWeight: base.coveredWeight, shareOfWeight: base.shareOfWeight },
    after: { coveredWeight: base.coveredWeight + addedWeight, shareOfWeight: total > 0 ? (base.coveredWeight + addedWeight) / total : 0 },
    candidatesConsidered: candidates.length,
  };
}

/** Swaps chosen sites for unchosen ones while the covered weight grows (first improvement). */
function improveBySwaps(chosen: number[], reach: Int32Array[], count: Int32Array, weights: Float64Array): void {
  for (let improved = true, rounds = 0; improved && rounds < 5; rounds++) {
    improved = false;
    for (let slot = 0; slot < chosen.length; slot++) {
      const out = chosen[slot];
      for (const i of reach[out]) count[i]--;
      const lost = reach[out].reduce((s, i) => s + (count[i] === 0 ? weights[i] : 0), 0);
      let best = out, bestGain = lost;
      for (let c = 0; c < reach.length; c++) {
        if (chosen.includes(c)) continue;
        const g = reach[c].reduce((s, i) => s + (count[i] === 0 ? weights[i] : 0), 0);
        if (g > bestGain + 1e-9) { bestGain = g; best = c; }
      }
      chosen[slot] = best;
      for (const i of reach[best]) count[i]++;
      if (best !== out) improved = true;
    }
  }
}

/**
 * Candidate sites from the network itself: junction nodes (3+ neighbours), evenly thinned to at
 * most `max` (default 300), as [lonDeg, latDeg].
 */
export function junctionCandidates(g: RoadGraph, max = 300): LonLat[] {
  const junctions: number[] = [];
  for (let v = 0; v < g.nodeCount; v++) {
    const neighbours = new Set<number>();
    for (let a = g.arcOffsets[v]; a < g.arcOffsets[v + 1]; a++) neighbours.add(g.arcTo[a]);
    for (let k = g.inOffsets[v]; k < g.inOffsets[v + 1]; k++) neighbours.add(g.arcFrom[g.inArcs[k]]);
    if (neighbours.size >= 3) junctions.push(v);
  }
  const step = Math.max(1, junctions.length / max);
  const out: LonLat[] = [];
  for (let x = 0; x < junctions.length && out.length < max; x += step) {
    const v = junctions[Math.floor(x)];
    out.push([g.nodeLonLatDeg[2 * v], g.nodeLonLatDeg[2 * v + 1]]);
  }
  return out;
}
