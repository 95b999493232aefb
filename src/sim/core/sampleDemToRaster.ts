import type { DemGrid } from '../../geo/DemGrid';
import { cellCenterXM, cellCenterYM, type RasterGrid } from './RasterGrid';

/**
 * Bilinear DEM heights at every cell centre of a raster in the same plane (m), row 0 south.
 * Cells beyond the DEM take the height at its nearest edge (DemGrid.sample clamps).
 */
export function sampleDemToRaster(dem: DemGrid, grid: RasterGrid): Float32Array {
  const out = new Float32Array(grid.width * grid.height);
  for (let j = 0; j < grid.height; j++) {
    const y = cellCenterYM(grid, j);
    for (let i = 0; i < grid.width; i++) out[j * grid.width + i] = dem.sample(cellCenterXM(grid, i), y);
  }
  return out;
}
