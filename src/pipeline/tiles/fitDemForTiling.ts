import { DemGrid } from '../../geo/DemGrid';
import { TERRAIN_TILE_CELLS } from './tileTerrain';

/** Most DEM cells along a side the terrain quadtree takes (6 levels below a 64-cell root tile). */
const MAX_CELLS = TERRAIN_TILE_CELLS * 2 ** 6;

/**
 * The terrain tiler needs a square DEM of 2^k * 64 cells: this resamples any DEM onto the smallest
 * such square that covers it (same spacing where possible, coarser past 4096 cells), anchored at
 * its south-west corner; points past the source edge take the nearest edge height.
 */
export function fitDemForTiling(dem: DemGrid): DemGrid {
  const cells = Math.max(dem.width, dem.height) - 1;
  let side = TERRAIN_TILE_CELLS;
  while (side < Math.min(cells, MAX_CELLS)) side *= 2;
  if (side === cells && dem.width === dem.height) return dem;
  const spacing = cells > MAX_CELLS ? (cells * dem.cellSizeM) / side : dem.cellSizeM;
  const n = side + 1;
  const heights = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) heights[j * n + i] = dem.sample(dem.xMinM + i * spacing, dem.yMinM + j * spacing);
  }
  return new DemGrid({ ...dem.header(), cellSizeM: spacing, width: n, height: n }, heights);
}
