import { cellIndexAt } from '../core/RasterGrid';
import type { PlumeGrid } from './PlumeGrid';

/** The cells a point release feeds and the share of its mass each takes (weights sum to 1). */
export interface SourceCells {
  cells: Int32Array;
  weights: Float64Array;
}

/**
 * Spreads a point source at plane (x, y) m over the (up to) four cells whose centres surround it,
 * with bilinear weights, so a source between cell centres does not snap to one of them. Obstacle
 * cells take nothing (their share goes to the others); the cell holding the point is opened in
 * `grid.blocked` (gas leaks out of a building). Throws naming `what` outside the grid.
 */
export function sourceFootprint(grid: PlumeGrid, xM: number, yM: number, what: string): SourceCells {
  const home = cellIndexAt(grid, xM, yM);
  if (home < 0) throw new Error(`${what}: the source at plane (${xM.toFixed(1)}, ${yM.toFixed(1)}) m lies outside the grid`);
  grid.blocked[home] = 0;
  const fi = (xM - grid.xMinM) / grid.cellSizeM - 0.5, fj = (yM - grid.yMinM) / grid.cellSizeM - 0.5;
  const i0 = Math.floor(fi), j0 = Math.floor(fj), ti = fi - i0, tj = fj - j0;
  const cells: number[] = [], weights: number[] = [];
  for (const [di, dj, wgt] of [[0, 0, (1 - ti) * (1 - tj)], [1, 0, ti * (1 - tj)], [0, 1, (1 - ti) * tj], [1, 1, ti * tj]]) {
    const i = i0 + di, j = j0 + dj;
    if (wgt <= 0 || i < 0 || j < 0 || i >= grid.width || j >= grid.height) continue;
    const k = j * grid.width + i;
    if (grid.blocked[k]) continue;
    cells.push(k);
    weights.push(wgt);
  }
  if (cells.length === 0) { cells.push(home); weights.push(1); }
  const total = weights.reduce((a, b) => a + b, 0);
  return { cells: Int32Array.from(cells), weights: Float64Array.from(weights, (x) => x / total) };
}
