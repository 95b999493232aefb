import { describe, expect, it } from 'vitest';
import { DEFAULT_TILE_BUDGET_MB, tileBudget } from './tileBudget';

describe('tileBudget', () => {
  it('splits one budget over both Cesium tilesets (cache + overflow) and gives the wall one cache of it', () => {
    const b = tileBudget(100, 16, 8), bytes = 100 * 1024 * 1024;
    const { buildings, terrain } = b.workspace;
    expect(buildings.cacheBytes + buildings.maximumCacheOverflowBytes + terrain.cacheBytes + terrain.maximumCacheOverflowBytes).toBe(bytes);
    expect(buildings.cacheBytes).toBeGreaterThan(terrain.cacheBytes);
    expect(buildings.maximumScreenSpaceError).toBe(16);
    expect(b.wall).toEqual({ minBytesSize: Math.round(bytes * 0.75), maxBytesSize: bytes, errorTargetPx: 8 });
    expect(tileBudget().budgetMB).toBe(DEFAULT_TILE_BUDGET_MB);
  });

  it('refuses budgets out of range with the range in MB', () => {
    expect(() => tileBudget(4)).toThrow('tile budget must be 16..16384 MB (got 4)');
    expect(() => tileBudget(Number.NaN)).toThrow('16..16384 MB');
  });
});
