import { DemGrid } from '../../geo/DemGrid';
import { DEMO_ORIGIN, distanceToRiverM } from './layout';
import { fbm } from '../../random/random';

/** Half the side of the DEM square (m): the city plus a margin of hills. */
export const DEM_HALF_SIDE_M = 5120;
export const DEM_CELL_M = 20;

/**
 * Terrain of the demo city: the Chengdu plain (~500 m) falling gently to the south-east, the
 * Longquan hills rising on the east side to ~180 m above the plain, fBm relief of a few meters,
 * and the Jinjiang channel cut ~7 m into the plain.
 */
export function terrainHeightM(x: number, y: number, seed: number): number {
  let h = 505 + 0.0018 * (y - x);
  h += 3 * (fbm(x / 700, y / 700, seed + 11) - 0.5);
  const ridge = Math.min(1, Math.max(0, (x - 0.25 * y - 2600) / 2600));
  const ridgeShape = ridge * ridge * (3 - 2 * ridge);
  h += ridgeShape * (120 + 110 * (fbm(x / 1400, y / 1400, seed + 23) - 0.3));
  const d = distanceToRiverM(x, y);
  if (d < 90) h -= 7 * (1 - (d / 90) ** 2);
  return h;
}

export function generateDem(seed: number): DemGrid {
  const n = Math.round((2 * DEM_HALF_SIDE_M) / DEM_CELL_M) + 1;
  const heights = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    const y = -DEM_HALF_SIDE_M + j * DEM_CELL_M;
    for (let i = 0; i < n; i++) heights[j * n + i] = terrainHeightM(-DEM_HALF_SIDE_M + i * DEM_CELL_M, y, seed);
  }
  return new DemGrid({
    originLonDeg: DEMO_ORIGIN.lonDeg, originLatDeg: DEMO_ORIGIN.latDeg,
    xMinM: -DEM_HALF_SIDE_M, yMinM: -DEM_HALF_SIDE_M, cellSizeM: DEM_CELL_M, width: n, height: n,
  }, heights);
}
