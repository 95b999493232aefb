import { assertRasterGrid, type RasterGrid } from '../core/RasterGrid';

/**
 * The flood solver's terrain: a cell-registered raster (see RasterGrid) with the bed elevation of
 * every cell and the cells taken by buildings, which water can neither enter nor cross.
 */
export interface FloodGrid extends RasterGrid {
  /** Bed elevation per cell (m, the DEM's datum), width * height values, row 0 south. */
  bedM: Float32Array;
  /** 1 where a cell is a wall (building footprint), else 0. */
  wall: Uint8Array;
}

/** Checks a grid's arrays against its header; throws naming the field and the expected size. */
export function assertFloodGrid(g: FloodGrid, what = 'FloodGrid'): void {
  assertRasterGrid(g, what);
  const n = g.width * g.height;
  if (!(g.bedM instanceof Float32Array) || g.bedM.length !== n) {
    throw new Error(`${what}: bedM must be a Float32Array of width*height = ${n} values, got ${g.bedM?.length}`);
  }
  if (!(g.wall instanceof Uint8Array) || g.wall.length !== n) {
    throw new Error(`${what}: wall must be a Uint8Array of width*height = ${n} values, got ${g.wall?.length}`);
  }
  for (let k = 0; k < n; k++) {
    if (!Number.isFinite(g.bedM[k]) && g.wall[k] === 0) throw new Error(`${what}: bedM[${k}] is not finite on an open cell`);
  }
}
