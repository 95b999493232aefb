import { describe, expect, it } from 'vitest';
import { plumeGrid } from './PlumeGrid';
import { rasterizeFootprints } from './rasterizeFootprints';

describe('rasterizeFootprints', () => {
  it('marks the cells whose centre lies inside a footprint, L-shapes included', () => {
    const g = plumeGrid(104, 30, { xMinM: 0, yMinM: 0, xMaxM: 100, yMaxM: 100 }, 10);
    const mask = new Uint8Array(100);
    // An L: 40 x 40 square minus its 20 x 20 north-east quarter, at (10, 10).
    const set = rasterizeFootprints(g, [[[10, 10], [50, 10], [50, 30], [30, 30], [30, 50], [10, 50]]], mask);
    expect(set).toBe(12);
    expect(mask[1 * 10 + 1]).toBe(1);
    expect(mask[4 * 10 + 4]).toBe(0);
    expect(rasterizeFootprints(g, [[[10, 10], [30, 10], [30, 30], [10, 30]]], mask)).toBe(0);
    expect(() => rasterizeFootprints(g, [], new Uint8Array(3))).toThrow(/width\*height/);
  });
});
