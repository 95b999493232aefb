import type { RoadGraph } from './RoadGraph';
import type { Seeds } from './Seeds';

/**
 * The fastest any arc covers straight-line ground: max over arcs of chord(u, v) / weight, in
 * unit-sphere chord per second. Dividing a chord by it gives a lower bound on travel time that is
 * consistent for these weights whatever the arc lengths or speeds, which keeps A* exact.
 * Slightly inflated so rounding cannot make a reduced cost negative. 0 arcs -> Infinity.
 */
export function maxChordSpeed(g: RoadGraph, xyz: Float64Array, weightsS: Float64Array): number {
  let best = 0;
  for (let a = 0; a < g.arcCount; a++) {
    const w = weightsS[a];
    if (!(w < Infinity)) continue;
    const c = chord(xyz, g.arcFrom[a], g.arcTo[a]);
    if (c === 0) continue;
    if (w <= 0) return Infinity;
    if (c / w > best) best = c / w;
  }
  return best > 0 ? best * (1 + 1e-9) : Infinity;
}

/** Straight-line distance between nodes u and v on the unit sphere. */
export function chord(xyz: Float64Array, u: number, v: number): number {
  const dx = xyz[3 * u] - xyz[3 * v], dy = xyz[3 * u + 1] - xyz[3 * v + 1], dz = xyz[3 * u + 2] - xyz[3 * v + 2];
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/**
 * Lower bound (s) on the cost from node v to the seed set: min over seeds of chord/speed + seed cost.
 * A minimum of consistent potentials is consistent.
 */
export function seedPotential(xyz: Float64Array, speed: number, v: number, seeds: Seeds): number {
  let h = Infinity;
  for (let i = 0; i < seeds.nodes.length; i++) {
    const p = chord(xyz, v, seeds.nodes[i]) / speed + seeds.costsS[i];
    if (p < h) h = p;
  }
  return h;
}
