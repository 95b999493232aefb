import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isMagenta, pickedColourProbe } from '../support/pickedColourProbe';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');

describe('Cesium workspace in headless Chromium', () => {
  const baseUrl = inject('baseUrl');
  const login = inject('logins').viewer;
  let s: BrowserSession;
  let rootTileRequests = 0;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    s = await launchBrowser(baseUrl, undefined, login);
    // The first request for the root building tile fails: the workspace must retry it, not lose it.
    await s.page.route('**/buildings/b/0/0_0.glb', async (route) => {
      rootTileRequests++;
      if (rootTileRequests === 1) await route.fulfill({ status: 503, body: 'try again' });
      else await route.continue();
    });
    await s.page.goto(`${baseUrl}/?view=workspace&fly=0`);
  });
  afterAll(async () => { await s?.close(); });

  it('loads the terrain and building tilesets of the demo city', async () => {
    await s.page.waitForSelector('body[data-tilesets="loaded"]', { timeout: 150_000 });
    const load = await s.page.evaluate(() => ({ ...window.twin!.load, ms: window.twin!.loadedAtMs }));
    console.log(`tilesets loaded in ${load.ms} ms (buildings ${load.buildingTilesLoaded} tiles, terrain ${load.terrainTilesLoaded} tiles)`);
    expect(load.buildingTilesLoaded).toBeGreaterThan(0);
    expect(load.terrainTilesLoaded).toBeGreaterThan(0);
    expect(load.failures).toBe(0);
    expect(rootTileRequests).toBeGreaterThanOrEqual(2);
    await s.page.screenshot({ path: join(shots, 'workspace-city.png') });
  });

  it('shows the metadata of a building clicked on screen', async () => {
    const geo = JSON.parse(readFileSync(join(root, 'tilesets/demo/buildings.geojson'), 'utf8'));
    const tallest = geo.features.reduce((a: any, b: any) => (b.properties.heightM > a.properties.heightM ? b : a));
    const ring: number[][] = tallest.geometry.coordinates[0].slice(0, -1);
    const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length, lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    const tilesBefore = await s.page.evaluate(() => window.twin!.load.buildingTilesLoaded);
    await s.page.evaluate(([lo, la]) => window.twin!.workspace.lookAt(lo, la, 500, 900), [lon, lat]);
    // Close up, the tallest building's leaf tile replaces the merged blocks of the city-wide view:
    // wait until it has streamed in (tilesLoaded is still true from the previous view for a frame).
    await s.page.waitForFunction((n) => window.twin!.load.buildingTilesLoaded > n && window.twin!.workspace.tilesets.buildings.tilesLoaded,
      tilesBefore, { timeout: 60_000 });
    const box = (await s.page.locator('#view canvas').boundingBox())!;
    await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await s.page.waitForSelector('#building-panel:not([hidden])', { timeout: 30_000 });
    const id = await s.page.textContent('#building-panel dd[data-field="id"]');
    expect(id).toBe(tallest.properties.id);
    const height = await s.page.textContent('#building-panel dd[data-field="height"]');
    expect(height).toMatch(/^\d+(\.\d)? m$/);
    expect(await s.page.textContent('#building-panel dd[data-field="address"]')).toBe(tallest.properties.address);
    await s.page.screenshot({ path: join(shots, 'workspace-picked.png') });
  });

  it('colours only the picked building, by its texel, in the first frame drawn after the change', async () => {
    // Still close up on the tallest building: mid-screen is its roof.
    const size = await s.page.evaluate(() => { (window as unknown as { __name: unknown }).__name = (f: unknown) => f; const c = window.twin!.workspace.viewer.scene.canvas; return [c.clientWidth, c.clientHeight]; });
    const [p] = await s.page.evaluate(pickedColourProbe, { points: [[size[0] / 2, size[1] / 2]] });
    expect(p.id).not.toBeNull();
    expect(p.index).toBeGreaterThanOrEqual(0);
    expect(isMagenta(p.before), `before ${p.before}`).toBe(false);
    expect(isMagenta(p.onlyIt), `only ${p.id} (texel ${p.index}) magenta: ${p.onlyIt}`).toBe(true);
    expect(isMagenta(p.neighbours), `only texels ${p.index - 1} and ${p.index + 1} magenta: ${p.neighbours}`).toBe(false);
  });

  it('cuts to the overview instead of flying there when the system asks for reduced motion', async () => {
    /** The camera's height just after flyHome(1.5) and once a flight would be over (m). */
    const home = (reducedMotion: 'reduce' | 'no-preference') => s.page.emulateMedia({ reducedMotion }).then(() => s.page.evaluate(async () => {
      const w = window.twin!.workspace, camera = w.viewer.camera;
      w.lookAt(104.06, 30.66, 500, 900);
      w.flyHome(1.5);
      const atOnce = camera.positionCartographic.height;
      await new Promise((r) => setTimeout(r, 2500));
      w.viewer.scene.requestRender();
      return { atOnce, after: camera.positionCartographic.height };
    }));
    const cut = await home('reduce'), flown = await home('no-preference');
    console.log(`flyHome(1.5 s): reduced motion at ${cut.atOnce.toFixed(0)} m at once (${cut.after.toFixed(0)} m later); otherwise ${flown.atOnce.toFixed(0)} m at once, ${flown.after.toFixed(0)} m later`);
    expect(Math.abs(cut.atOnce - cut.after)).toBeLessThan(1);
    expect(Math.abs(flown.atOnce - flown.after)).toBeGreaterThan(1000);
    await s.page.emulateMedia({ reducedMotion: 'reduce' }); // as launchBrowser opens every page
  });

  it('colours buildings by use with a legend, and switches to 2D from the keyboard', async () => {
    await s.page.selectOption('#color-by', 'use');
    await s.page.waitForSelector('.legend:not([hidden]) li');
    expect(await s.page.locator('.legend li').count()).toBe(10);
    await s.page.evaluate(() => window.twin!.workspace.flyHome(0));
    await s.page.locator('#view canvas').focus();
    await s.page.keyboard.press('2');
    await s.page.waitForFunction(() => document.querySelector('[data-mode="2d"]')?.getAttribute('aria-pressed') === 'true');
    await s.page.waitForTimeout(2500);
    await s.page.screenshot({ path: join(shots, 'workspace-2d.png') });
  });

  it('made no request off its own origin and logged no console errors', () => {
    expect(s.offOrigin).toEqual([]);
    // The one deliberate 503 shows as a resource error in the console; nothing else may.
    expect(s.errors.filter((e) => !/503/.test(e))).toEqual([]);
  });
});
