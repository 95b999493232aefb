import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tileBudget } from '../../src/view/tileBudget';
import { launchBrowser, type BrowserSession } from './launchBrowser';

/** `?budgetMB=` reaches both views: Cesium's tileset caches and the wall's one LRU cache (src/view/tileBudget). */
describe('tile memory budget from the URL', () => {
  const baseUrl = inject('baseUrl');
  let s: BrowserSession;
  const want = tileBudget(64);

  beforeAll(async () => { s = await launchBrowser(baseUrl); });
  afterAll(async () => { await s?.close(); });

  it('sets cacheBytes, overflow and screen-space error of both workspace tilesets', async () => {
    await s.page.goto(`${baseUrl}/?view=workspace&fly=0&feed=none&budgetMB=64`);
    await s.page.waitForFunction(() => !!window.twin?.workspace?.tilesets?.terrain, undefined, { timeout: 60_000 });
    const got = await s.page.evaluate(() => {
      const pick = (t: { cacheBytes: number; maximumCacheOverflowBytes: number; maximumScreenSpaceError: number }) =>
        ({ cacheBytes: t.cacheBytes, maximumCacheOverflowBytes: t.maximumCacheOverflowBytes, maximumScreenSpaceError: t.maximumScreenSpaceError });
      const t = window.twin!.workspace.tilesets;
      return { buildings: pick(t.buildings), terrain: pick(t.terrain) };
    });
    expect(got).toEqual(want.workspace);
    expect(got.buildings.cacheBytes + got.buildings.maximumCacheOverflowBytes + got.terrain.cacheBytes + got.terrain.maximumCacheOverflowBytes).toBe(64 * 1024 * 1024);
  });

  it('gives the wall one LRU cache of that size for both tilesets, and holds it while the city loads', async () => {
    await s.page.goto(`${baseUrl}/?view=wall&tour=0&budget=0&scale=0.5&budgetMB=64`);
    await s.page.waitForSelector('body[data-tilesets="loaded"]', { timeout: 90_000 });
    const got = await s.page.evaluate(() => {
      const w = window.twin!.wall! as unknown as {
        tileCache: { minBytesSize: number; maxBytesSize: number; cachedBytes: number }; tileError: { px: number; basePx: number };
        buildings: { tiles: { lruCache: unknown; errorTarget: number } }; terrain: { tiles: { lruCache: unknown } };
      };
      return {
        minBytesSize: w.tileCache.minBytesSize, maxBytesSize: w.tileCache.maxBytesSize, errorTargetPx: w.tileError.basePx,
        errorNowPx: w.buildings.tiles.errorTarget,
        shared: w.buildings.tiles.lruCache === w.tileCache && w.terrain.tiles.lruCache === w.tileCache, cachedBytes: w.tileCache.cachedBytes,
      };
    });
    expect({ minBytesSize: got.minBytesSize, maxBytesSize: got.maxBytesSize, errorTargetPx: got.errorTargetPx }).toEqual(want.wall);
    expect(got.shared).toBe(true);
    // A full cache coarsens the view (the error rises) rather than going over the budget.
    expect(got.errorNowPx).toBeGreaterThanOrEqual(want.wall.errorTargetPx);
    expect(got.cachedBytes).toBeGreaterThan(0);
    expect(got.cachedBytes).toBeLessThanOrEqual(want.wall.maxBytesSize);
  });

  it('refuses a budget out of range, naming the parameter', async () => {
    await s.page.goto(`${baseUrl}/?view=wall&budgetMB=4`);
    await s.page.waitForSelector('[role="alert"]');
    expect(await s.page.textContent('[role="alert"]')).toContain('URL parameter "budgetMB" must be a number in 16..16384');
    s.errors.splice(0);
  });
});
