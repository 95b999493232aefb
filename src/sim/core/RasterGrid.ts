/**
 * A cell-registered raster in a city's plane (meters, see LocalFrame): cell (i, j) covers
 * [xMinM + i * cellSizeM, xMinM + (i + 1) * cellSizeM] x [yMinM + j * cellSizeM, ...]; row j = 0 is
 * the southern edge; cell k = j * width + i. Unlike DemGrid (node-registered), values are cell
 * averages, which is what finite-volume solvers and texture-based views both want.
 */
export interface RasterGrid {
  /** Frame origin the plane coordinates refer to (degrees). */
  originLonDeg: number;
  originLatDeg: number;
  /** West edge of column 0 (m). */
  xMinM: number;
  /** South edge of row 0 (m). */
  yMinM: number;
  cellSizeM: number;
  /** Cell counts. */
  width: number;
  height: number;
}

/** Copies only the header fields (handy before sending a grid to a worker or the UI). */
export function rasterHeader(g: RasterGrid): RasterGrid {
  const { originLonDeg, originLatDeg, xMinM, yMinM, cellSizeM, width, height } = g;
  return { originLonDeg, originLatDeg, xMinM, yMinM, cellSizeM, width, height };
}

/** Plane x (m) of the centre of column i. */
export function cellCenterXM(g: RasterGrid, i: number): number {
  return g.xMinM + (i + 0.5) * g.cellSizeM;
}

/** Plane y (m) of the centre of row j. */
export function cellCenterYM(g: RasterGrid, j: number): number {
  return g.yMinM + (j + 0.5) * g.cellSizeM;
}

/** Index of the cell containing a plane point, or -1 outside the raster. */
export function cellIndexAt(g: RasterGrid, xM: number, yM: number): number {
  const i = Math.floor((xM - g.xMinM) / g.cellSizeM), j = Math.floor((yM - g.yMinM) / g.cellSizeM);
  return i < 0 || j < 0 || i >= g.width || j >= g.height ? -1 : j * g.width + i;
}

/** Throws naming `what` unless the header is a usable raster (positive sizes, finite numbers). */
export function assertRasterGrid(g: RasterGrid, what: string): void {
  for (const key of ['originLonDeg', 'originLatDeg', 'xMinM', 'yMinM', 'cellSizeM'] as const) {
    if (!Number.isFinite(g[key])) throw new Error(`${what}: ${key} must be a finite number, got ${g[key]}`);
  }
  if (!(g.cellSizeM > 0)) throw new Error(`${what}: cellSizeM must be > 0, got ${g.cellSizeM}`);
  for (const key of ['width', 'height'] as const) {
    if (!Number.isInteger(g[key]) || g[key] < 1) throw new Error(`${what}: ${key} must be a positive integer, got ${g[key]}`);
  }
}
