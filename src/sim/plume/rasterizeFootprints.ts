import type { RasterGrid } from '../core/RasterGrid';
import { rasterizePolygon } from '../core/rasterizePolygon';

/**
 * Sets `mask[k] = 1` for every cell whose centre lies inside one of the rings (plane meters,
 * closed or not, either orientation; even-odd rule), through src/sim/core's scanline
 * rasterizePolygon. Returns how many cells were newly set.
 */
export function rasterizeFootprints(
  grid: RasterGrid, rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, mask: Uint8Array,
): number {
  if (mask.length !== grid.width * grid.height) {
    throw new Error(`rasterizeFootprints: mask must have width*height = ${grid.width * grid.height} values, got ${mask.length}`);
  }
  let set = 0;
  const mark = (k: number) => { if (mask[k] === 0) { mask[k] = 1; set++; } };
  for (const ring of rings) rasterizePolygon(grid, ring, mark);
  return set;
}
