import { describe, expect, it } from 'vitest';
import { cellsAlongLine } from './cellsAlongLine';
import { dilateMask } from './dilateMask';
import { cellCenterXM, cellIndexAt, type RasterGrid } from './RasterGrid';
import { rasterizePolygon } from './rasterizePolygon';
import { readAsciiGrid } from './readAsciiGrid';
import { splitRows } from './splitRows';

const grid: RasterGrid = { originLonDeg: 104, originLatDeg: 30, xMinM: -50, yMinM: 100, cellSizeM: 10, width: 10, height: 8 };

describe('raster helpers', () => {
  it('maps plane points to cells (row 0 south) and back to centres', () => {
    expect(cellIndexAt(grid, -50, 100)).toBe(0);
    expect(cellIndexAt(grid, -41, 111)).toBe(10);
    expect(cellIndexAt(grid, 50, 100)).toBe(-1);
    expect(cellCenterXM(grid, 3)).toBe(-15);
  });

  it('rasterises a polygon by cell centres, concave rings included', () => {
    const cells: number[] = [];
    // An L: x in [-50, -10], y in [100, 140] minus the square x in [-30, -10], y in [120, 140].
    rasterizePolygon(grid, [[-50, 100], [-10, 100], [-10, 120], [-30, 120], [-30, 140], [-50, 140]], (k) => cells.push(k));
    expect(cells.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 30, 31]);
  });

  it('walks a segment through distinct cells, skipping the ones asked', () => {
    expect(cellsAlongLine(grid, [-45, 105], [-5, 105])).toEqual([0, 1, 2, 3, 4]);
    expect(cellsAlongLine(grid, [-45, 105], [-5, 105], (k) => k === 2)).toEqual([0, 1, 3, 4]);
  });

  it('dilates a mask by a square of the given radius', () => {
    const m = new Uint8Array(9 * 7);
    m[3 * 9 + 4] = 1;
    const d = dilateMask(m, 9, 7, 2);
    let n = 0;
    d.forEach((v, k) => { n += v; if (v) { expect(Math.abs((k % 9) - 4)).toBeLessThanOrEqual(2); expect(Math.abs(Math.floor(k / 9) - 3)).toBeLessThanOrEqual(2); } });
    expect(n).toBe(25);
  });

  it('splits rows into near-equal bands', () => {
    expect(splitRows(10, 3)).toEqual([{ j0: 0, j1: 3 }, { j0: 3, j1: 6 }, { j0: 6, j1: 10 }]);
    expect(splitRows(2, 4)).toEqual([{ j0: 0, j1: 1 }, { j0: 1, j1: 2 }]);
  });

  it('reads ESRI ASCII grids south row first, with no-data as NaN and clear errors', () => {
    const g = readAsciiGrid('ncols 3\nnrows 2\nxllcorner 0\nyllcorner -5\ncellsize 5\nNODATA_value -9999\n1 2 3\n4 -9999 6\n', 'a.asc');
    expect([g.width, g.height, g.xMinM, g.yMinM, g.cellSizeM]).toEqual([3, 2, 0, -5, 5]);
    expect(Array.from(g.values)).toEqual([4, NaN, 6, 1, 2, 3]);
    expect(() => readAsciiGrid('ncols 3\nnrows 2\ncellsize 5\nxllcorner 0\nyllcorner 0\n1 2 3\n', 'b.asc')).toThrow(/b.asc: expected ncols\*nrows = 6 values, got 3/);
    expect(() => readAsciiGrid('nrows 2\n1 2\n', 'c.asc')).toThrow(/c.asc: header key "ncols" missing/);
  });
});
