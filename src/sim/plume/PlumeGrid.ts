import { assertRasterGrid, type RasterGrid } from '../core/RasterGrid';
import { MAX_PLUME_CELLS } from '../core/workLimits';

/**
 * The dispersion grid: a cell-registered raster in the city's plane (see RasterGrid), with the
 * cells gas cannot enter (buildings taller than the mixing layer) marked in `blocked`.
 */
export interface PlumeGrid extends RasterGrid {
  /** 1 where a cell is an obstacle, else 0 (width * height values, row 0 south). */
  blocked: Uint8Array;
}

/** A rectangle in plane meters. */
export interface PlaneExtent {
  xMinM: number;
  yMinM: number;
  xMaxM: number;
  yMaxM: number;
}

/**
 * An open grid (no obstacles) covering `extent` with square cells of `cellSizeM`; the extent is
 * grown to whole cells on its east and north sides.
 */
export function plumeGrid(originLonDeg: number, originLatDeg: number, extent: PlaneExtent, cellSizeM: number): PlumeGrid {
  if (!(cellSizeM > 0)) throw new Error(`plumeGrid: cellSizeM must be > 0 m, got ${cellSizeM}`);
  if (!(extent.xMaxM > extent.xMinM && extent.yMaxM > extent.yMinM)) {
    throw new Error(`plumeGrid: extent must have xMaxM > xMinM and yMaxM > yMinM, got ${JSON.stringify(extent)}`);
  }
  const width = Math.ceil((extent.xMaxM - extent.xMinM) / cellSizeM - 1e-9);
  const height = Math.ceil((extent.yMaxM - extent.yMinM) / cellSizeM - 1e-9);
  if (!(width * height <= MAX_PLUME_CELLS)) throw new Error(`plumeGrid: cellSizeM ${cellSizeM} over the extent makes ${width * height} cells; at most ${MAX_PLUME_CELLS} (larger cells or a smaller area)`);
  return {
    originLonDeg, originLatDeg, xMinM: extent.xMinM, yMinM: extent.yMinM, cellSizeM, width, height,
    blocked: new Uint8Array(width * height),
  };
}

/** Throws naming the field unless the grid's header and mask agree. */
export function assertPlumeGrid(g: PlumeGrid, what = 'PlumeGrid'): void {
  assertRasterGrid(g, what);
  const n = g.width * g.height;
  if (!(g.blocked instanceof Uint8Array) || g.blocked.length !== n) {
    throw new Error(`${what}: blocked must be a Uint8Array of width*height = ${n} values, got ${g.blocked?.length}`);
  }
}
