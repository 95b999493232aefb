import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random/random';
import { maskToPolygons, type PlanePolygon } from './maskToPolygons';
import { plumeGrid } from './PlumeGrid';

const ringArea = (ring: Array<[number, number]>) => {
  let a = 0;
  for (let k = 0; k + 1 < ring.length; k++) a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return a / 2;
};
const polygonArea = (p: PlanePolygon) => p.reduce((s, r) => s + ringArea(r), 0);

function maskOf(w: number, h: number, cells: Array<[number, number]>): Uint8Array {
  const m = new Uint8Array(w * h);
  for (const [i, j] of cells) m[j * w + i] = 1;
  return m;
}

describe('maskToPolygons', () => {
  const grid = plumeGrid(104, 30, { xMinM: 0, yMinM: 0, xMaxM: 100, yMaxM: 100 }, 10);

  it('outlines a square block with a hole as one polygon, outer ring CCW and the hole CW', () => {
    const cells: Array<[number, number]> = [];
    for (let j = 2; j < 7; j++) for (let i = 2; i < 7; i++) if (!(i === 4 && j === 4)) cells.push([i, j]);
    const polys = maskToPolygons(grid, maskOf(10, 10, cells));
    expect(polys).toHaveLength(1);
    expect(polys[0]).toHaveLength(2);
    expect(polys[0][0]).toEqual([[20, 20], [70, 20], [70, 70], [20, 70], [20, 20]]);
    expect(ringArea(polys[0][1])).toBe(-100);
  });

  it('keeps cells that touch only at a corner apart', () => {
    const polys = maskToPolygons(grid, maskOf(10, 10, [[1, 1], [2, 2], [3, 1]]));
    expect(polys).toHaveLength(3);
    for (const p of polys) expect(polygonArea(p)).toBe(100);
  });

  it('covers exactly the mask area with closed rings on random masks', () => {
    const rand = createRandom(7);
    for (let trial = 0; trial < 20; trial++) {
      const cells: Array<[number, number]> = [];
      for (let j = 0; j < 10; j++) for (let i = 0; i < 10; i++) if (rand() < 0.5) cells.push([i, j]);
      const polys = maskToPolygons(grid, maskOf(10, 10, cells));
      expect(polys.reduce((s, p) => s + polygonArea(p), 0)).toBeCloseTo(cells.length * 100, 6);
      for (const p of polys) {
        expect(ringArea(p[0])).toBeGreaterThan(0);
        for (const r of p) expect(r[r.length - 1]).toEqual(r[0]);
        for (const hole of p.slice(1)) expect(ringArea(hole)).toBeLessThan(0);
      }
    }
  });

  it('returns nothing for an empty mask', () => {
    expect(maskToPolygons(grid, new Uint8Array(100))).toEqual([]);
  });
});
