import { openCityPackage } from '../../src/pipeline/package/openCityPackage';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FloodSolver } from '../../src/sim/flood/FloodSolver';
import { runFloodScenario } from '../../src/sim/flood/runFloodScenario';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');

/**
 * Reads the wall canvas. With `baseline` (an earlier read of the same view), counts the pixels that
 * changed by more than 40 (sum of |dRGB|) and their mean colour in the earlier read: the water.
 */
async function wallPixels(page: Page, key: string, baseline?: string): Promise<{ changed: number; mean: number[]; total: number }> {
  return page.evaluate(([k, b]) => {
    const w = window as any;
    const px: Uint8Array = w.twin.wall.readPixels(0, 0, w.twin.wall.surface.widthPx, w.twin.wall.surface.heightPx);
    w[k] = px;
    const before: Uint8Array | undefined = b ? w[b] : undefined;
    let changed = 0;
    const sum = [0, 0, 0];
    if (before) {
      for (let i = 0; i < px.length; i += 4) {
        if (Math.abs(px[i] - before[i]) + Math.abs(px[i + 1] - before[i + 1]) + Math.abs(px[i + 2] - before[i + 2]) <= 40) continue;
        changed++;
        for (let c = 0; c < 3; c++) sum[c] += before[i + c];
      }
    }
    return { changed, mean: sum.map((v) => Math.round(v / Math.max(1, changed))), total: px.length / 4 };
  }, [key, baseline ?? ''] as const);
}

describe('Flood what-if in the workspace and on the wall', () => {
  const baseUrl = inject('baseUrl');
  let s: BrowserSession;

  beforeAll(async () => {
    mkdirSync(join(root, 'test-results'), { recursive: true });
    s = await launchBrowser(baseUrl, { width: 900, height: 640 });
    await s.page.goto(`${baseUrl}/?fly=0&feed=none`);
    await s.page.waitForSelector('body[data-twin-model="ready"]', { timeout: 150_000 });
  });
  afterAll(async () => { await s?.close(); });

  it('runs a storm in the worker with progress, draws the water, and scrubs its frames with the slider', async () => {
    // A 1 km square on the Jinjiang west of the centre (the river channel collects the runoff).
    await s.page.evaluate(() => { void window.twin!.simulation!.run(180, [-1500, 1100]); });
    await s.page.waitForFunction(() => (document.querySelector('.sim-panel progress') as HTMLProgressElement).value > 0, undefined, { timeout: 60_000 });
    await s.page.waitForSelector('body[data-flood="done"]', { timeout: 240_000 });
    expect(await s.page.locator('.sim-time').getAttribute('max')).toBe('11');
    const kpis = await s.page.locator('.sim-kpis dd').allTextContents();
    expect(kpis[0]).toMatch(/^[\d,]+ m³$/);
    expect(Number(kpis[2].replace(' m', ''))).toBeGreaterThan(0.05);
    expect(await s.page.textContent('.legend h3')).toBe('Flood depth (m)');
    await s.page.waitForTimeout(1500);
    await s.page.screenshot({ path: join(root, 'test-results/flood-end.png') });
    await s.page.locator('.sim-time').focus();
    for (let k = 0; k < 8; k++) await s.page.keyboard.press('ArrowLeft');
    expect(await s.page.textContent('.sim-panel output')).toBe('20 min');
    await s.page.waitForTimeout(1500);
    await s.page.screenshot({ path: join(root, 'test-results/flood-20min.png') });
  });

  it('gives the same bits in Chromium (band workers, WebAssembly) as in node on one thread', async () => {
    const run = await s.page.evaluate(() => window.twin!.simulation!.lastRun);
    expect(run).not.toBeNull();
    expect(run!.workers).toBe(2); // the preview serves COOP/COEP, so the page is cross-origin isolated
    const node = await runFloodScenario(run!.scenario, {
      file: 'flood what-if (node)', keepFrames: false, openCity: openCityPackage,
      createRunner: async (grid, params) => new FloodSolver(grid, params),
    });
    expect(node.kpis.steps).toBeGreaterThan(1000);
    expect(run!.kpis).toEqual(node.kpis);
  }, 120_000);

  it('shows the run on a wall window opened late, follows the slider, and clears with the workspace', async () => {
    const wall = await s.context.newPage();
    wall.on('console', (m) => { if (m.type() === 'error') s.errors.push(`wall: ${m.text()}`); });
    wall.on('pageerror', (e) => s.errors.push(`wall pageerror: ${e.message}`));
    await wall.setViewportSize({ width: 640, height: 400 });
    const t0 = Date.now();
    // Kiosk (no chrome: the legend stays, small), no tour yet (a quick one when T is pressed), fixed
    // render scale for the pixel counts.
    await wall.goto(`${baseUrl}/?view=wall&kiosk=1&tour=0&budget=0&dwell=0.5&flight=0.3`);
    // The hello of the late window is answered with the run's setup and the frame shown (20 min).
    await wall.waitForSelector('body[data-flood="shown"]', { timeout: 60_000 });
    expect(await wall.getAttribute('body', 'data-flood-frames')).toBe('1');
    expect(await wall.textContent('.wall-flood-caption')).toMatch(/^Flood · 20 min · peak \d+\.\d\d m$/);
    // The tour visits the flood right after the city overview.
    await wall.keyboard.press('t');
    await wall.waitForSelector('body[data-tour-stop="Flood what-if"]', { timeout: 30_000 });
    await wall.keyboard.press('t');
    expect(await wall.evaluate(() => (window as any).twin.wall.tour.running)).toBe(false);
    // Look at the 1 km square the storm ran over, from the south.
    const [lon, lat] = await s.page.evaluate(() => window.twin!.model!.frame.toLonLat(-1500, 1100));
    await wall.evaluate(([lo, la]) => {
      const w = (window as any).twin.wall;
      w.rig.lookAt(w.frame.toScene(lo, la, undefined, w.rig.target.clone()), 1700, 0, -0.85);
    }, [lon, lat]);
    await wall.waitForSelector('body[data-tilesets="loaded"]', { timeout: 90_000 });
    const drawn = await wall.evaluate(() => {
      const f = (window as any).twin.flood;
      return { wet: f.surface().wetCells, peak: f.surface().maxDepthM, malformed: f.receiver.malformed, visible: !!(window as any).twin.wall.scene.getObjectByName('flood-water') };
    });
    expect(drawn.visible).toBe(true);
    expect(drawn.wet).toBeGreaterThan(500);
    expect(drawn.malformed).toBe(0);
    // The workspace's slider moves two steps on: the wall follows.
    await s.page.locator('.sim-time').focus();
    for (let k = 0; k < 2; k++) await s.page.keyboard.press('ArrowRight');
    await wall.waitForSelector('body[data-flood-frames="3"]', { timeout: 20_000 });
    expect(await wall.textContent('.wall-flood-caption')).toMatch(/^Flood · 30 min · peak /);
    expect(await wall.isVisible('.legend')).toBe(true);
    expect(await wall.textContent('.legend h3')).toBe('Flood depth (m)');
    await wallPixels(wall, 'withWater');
    await wall.screenshot({ path: join(root, 'test-results/wall-flood.png') });
    await wall.keyboard.press('n');
    expect(await wall.evaluate(() => (window as any).twin.wall.look.mode)).toBe('day');
    await wall.screenshot({ path: join(root, 'test-results/wall-flood-day.png') });
    await wall.keyboard.press('n');
    // A message the protocol does not know is counted and ignored.
    await s.page.evaluate(() => { const c = new BroadcastChannel('rongcheng-flood:demo'); c.postMessage({ type: 'frame', run: 'x', depthM: 'deep' }); c.close(); });
    await wall.waitForFunction(() => (window as any).twin.flood.receiver.malformed === 1, undefined, { timeout: 10_000 });
    // Clear in the workspace removes the water, the legend and the caption on the wall.
    await s.page.click('.sim-clear');
    await wall.waitForSelector('body[data-flood="cleared"]', { timeout: 20_000 });
    expect(await wall.evaluate(() => !!(window as any).twin.wall.scene.getObjectByName('flood-water'))).toBe(false);
    expect(await wall.isVisible('.legend')).toBe(false);
    expect(await wall.textContent('.wall-flood-caption')).toBe('');
    const water = await wallPixels(wall, 'cleared', 'withWater');
    await wall.screenshot({ path: join(root, 'test-results/wall-flood-cleared.png') });
    console.log(`wall flood: shown ${Date.now() - t0} ms after opening the wall; ${drawn.wet} wet cells, peak ${drawn.peak.toFixed(2)} m at 20 min; ` +
      `the water covered ${water.changed} of ${water.total} pixels, mean colour rgb(${water.mean.join(', ')})`);
    expect(water.changed).toBeGreaterThan(water.total * 0.03);
    // The depth ramp's hue (legend): blue over green over red, shallow pale to deep navy.
    const [r, g, b] = water.mean;
    expect(b).toBeGreaterThan(g + 15);
    expect(g).toBeGreaterThan(r + 15);
    await wall.close();
  });

  it('logged no console errors and made no request off its origin', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
