import { DemGrid } from '../../geo/DemGrid';
import { DEMO_ORIGIN, distanceToRiverM } from './layout';
import { fbm } from '../../random/random';
import { DEMO_PLAN, type DemoPlan } from './DemoPlan';

/**
 * Terrain of the demo city: the Chengdu plain (~500 m) falling gently to the south-east, the
 * Longquan hills rising on the east side to ~180 m above the plain, fBm relief of a few meters,
 * and the Jinjiang channel cut ~7 m into the plain. A larger plan stretches the slope, the hills'
 * position and width and the river by its scale; relief and hill heights keep their size.
 */
export function terrainHeightM(x: number, y: number, seed: number, plan: DemoPlan = DEMO_PLAN): number {
  const s = plan.scale;
  let h = 505 + (0.0018 * (y - x)) / s;
  h += 3 * (fbm(x / 700, y / 700, seed + 11) - 0.5);
  const ridge = Math.min(1, Math.max(0, (x - 0.25 * y - 2600 * s) / (2600 * s)));
  const ridgeShape = ridge * ridge * (3 - 2 * ridge);
  h += ridgeShape * (120 + 110 * (fbm(x / 1400, y / 1400, seed + 23) - 0.3));
  const d = distanceToRiverM(x, y, s);
  if (d < 90) h -= 7 * (1 - (d / 90) ** 2);
  return h;
}

/** The plan's DEM: a square of plan.demHalfSideM around the origin at plan.demCellM spacing. */
export function generateDem(seed: number, plan: DemoPlan = DEMO_PLAN): DemGrid {
  const half = plan.demHalfSideM, cell = plan.demCellM;
  const n = Math.round((2 * half) / cell) + 1;
  const heights = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    const y = -half + j * cell;
    for (let i = 0; i < n; i++) heights[j * n + i] = terrainHeightM(-half + i * cell, y, seed, plan);
  }
  return new DemGrid({
    originLonDeg: DEMO_ORIGIN.lonDeg, originLatDeg: DEMO_ORIGIN.latDeg,
    xMinM: -half, yMinM: -half, cellSizeM: cell, width: n, height: n,
  }, heights);
}
