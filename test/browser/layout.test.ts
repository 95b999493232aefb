import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type {} from '../../src/app/TwinHandle';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Boxes of the side column and of the controls drawn over the canvas (legends, timeline), visible ones only. */
async function layoutBoxes(page: Page): Promise<{ side: Box | null; overCanvas: Box[]; topbar: Box[]; viewportWidth: number }> {
  return page.evaluate(() => {
    const box = (e: Element) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    const visible = (e: Element) => e.getClientRects().length > 0 && e.getBoundingClientRect().width > 0 && getComputedStyle(e).visibility !== 'hidden';
    const side = document.getElementById('side')!;
    return {
      side: visible(side) ? box(side) : null,
      overCanvas: [...document.querySelectorAll('.legend, .sc-timeline, .sc-compare-label')].filter(visible).map(box),
      topbar: [...document.querySelectorAll('.topbar > *, .topbar .controls > *')].filter(visible).map(box),
      viewportWidth: window.innerWidth,
    };
  });
}

describe('Role layouts, shortcuts and the one colouring path', () => {
  const baseUrl = inject('baseUrl');
  let s: BrowserSession;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // Logged in (the wall's live colouring needs the feed, which needs a log-in); the role pages run with feed=none.
    s = await launchBrowser(baseUrl, { width: 1280, height: 800 }, inject('logins').viewer);
  });
  afterAll(async () => { await s?.close(); });

  for (const [role, tab, open] of [['commander', 'operate', 'alerts'], ['analyst', 'analyse', 'drilldown'], ['planner', 'plan', 'scenarios']] as const) {
    it(`lays the workspace out for the ${role}: its tab first, its sections open, nothing over the canvas controls`, async () => {
      await s.page.setViewportSize({ width: 1280, height: 800 });
      await s.page.goto(`${baseUrl}/?fly=0&feed=none&role=${role}`);
      // The layout needs the panels, not the tiles: only the first role waits for the city to stream in.
      if (role === 'commander') await s.page.waitForSelector('body[data-tilesets="loaded"]', { timeout: 150_000 });
      await s.page.waitForSelector('body[data-twin-model="ready"]', { timeout: 120_000 });
      expect(await s.page.getAttribute(`#tab-${tab}`, 'aria-selected')).toBe('true');
      expect(await s.page.getAttribute(`details[data-section="${open}"]`, 'open')).not.toBeNull();
      if (role === 'commander') expect(await s.page.getAttribute('.wall-open', 'href')).toMatch(/view=wall/);
      else expect(await s.page.locator('.wall-open').count()).toBe(0);
      // A colouring with a legend, so there is a control over the canvas to keep clear of.
      await s.page.selectOption('#color-by', 'height');
      await s.page.waitForSelector('.legend:not([hidden]) li');
      for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
        await s.page.setViewportSize(size);
        await s.page.waitForTimeout(800);
        const b = await layoutBoxes(s.page);
        for (const o of b.overCanvas) expect(overlaps(b.side!, o)).toBe(false);
        for (const t of b.topbar) expect(t.x + t.width).toBeLessThanOrEqual(b.viewportWidth + 0.5);
        if (role === 'commander' || size.width === 1280) await s.page.screenshot({ path: join(shots, `role-${role}-${size.width}x${size.height}.png`) });
      }
    });
  }

  it('fits the top bar in one row at 1000 px and lists every shortcut on ?', async () => {
    await s.page.setViewportSize({ width: 1000, height: 700 });
    await s.page.waitForTimeout(800);
    const b = await layoutBoxes(s.page);
    for (const t of b.topbar) {
      expect(t.x + t.width).toBeLessThanOrEqual(1000.5);
      expect(t.y + t.height).toBeLessThanOrEqual(44.5);
    }
    await s.page.locator('#view canvas').focus();
    await s.page.keyboard.press('?');
    await s.page.waitForSelector('#shortcut-help[open]');
    const keys = await s.page.locator('#shortcut-help kbd').allTextContents();
    for (const k of ['2', '3', 'c', 'h', 'i', 'q', '/', '?', 'Escape', 'Enter']) expect(keys).toContain(k);
    await s.page.screenshot({ path: join(shots, 'shortcuts-1000.png') });
    await s.page.keyboard.press('Escape');
    await s.page.waitForSelector('#shortcut-help:not([open])', { state: 'attached' });
  });

  it('restyles 10,000 buildings through the state texture without compiling a shader', async () => {
    await s.page.setViewportSize({ width: 1280, height: 800 });
    // Tiles the new viewport asks for may bring shaders of their own: measure once they are in.
    await s.page.waitForFunction(() => window.twin!.workspace.tilesets.buildings.tilesLoaded && window.twin!.workspace.tilesets.terrain.tilesLoaded, undefined, { timeout: 60_000 });
    const r = await s.page.evaluate(async () => {
      const t = window.twin!, scene = t.workspace.viewer.scene;
      const shaders = () => (scene as unknown as { context: { shaderCache: { numberOfShaders: number } } }).context.shaderCache.numberOfShaders;
      const frame = () => new Promise<void>((ok) => { const off = scene.postRender.addEventListener(() => { off(); ok(); }); scene.requestRender(); });
      await frame();
      await frame();
      const before = shaders(), out: Array<{ toFrameMs: number; flushMs: number }> = [];
      const rgba = new Uint8Array(10_000 * 4);
      for (let k = 0; k < 3; k++) {
        for (let i = 0; i < rgba.length; i += 4) { rgba[i] = (i * 7 + k * 50) & 255; rgba[i + 1] = (i * 3) & 255; rgba[i + 2] = 200; rgba[i + 3] = 255; }
        const t0 = performance.now();
        t.overlay.set('restyle-test', { kind: 'buildingColors', rgba, priority: 20 });
        await frame();
        out.push({ toFrameMs: performance.now() - t0, flushMs: t.colours!.lastFlushMs });
      }
      const coloured = t.colours!.stats();
      t.overlay.remove('restyle-test');
      await frame();
      return { runs: out, shadersBefore: before, shadersAfter: shaders(), coloured };
    });
    console.log(`workspace restyle of 10,000 buildings: ${r.runs.map((x) => `${x.flushMs.toFixed(2)} ms recompose+upload, ${x.toFrameMs.toFixed(0)} ms to the next frame`).join('; ')}; ` +
      `shader programs ${r.shadersBefore} -> ${r.shadersAfter}; ${r.coloured.coloured} of ${r.coloured.features} loaded buildings coloured`);
    expect(r.shadersAfter).toBe(r.shadersBefore);
    expect(r.coloured.coloured).toBeGreaterThan(0);
    for (const x of r.runs) expect(x.flushMs).toBeLessThan(200);
  });

  it('shows the live indicator colouring and the workspace coverage on the wall', async () => {
    const wall = await s.context.newPage();
    wall.on('console', (m) => { if (m.type() === 'error') s.errors.push(`wall: ${m.text()}`); });
    await wall.setViewportSize({ width: 800, height: 500 });
    await wall.goto(`${baseUrl}/?view=wall&tour=0&budget=0&mode=day&feed=on&colour=live:air_quality&fps=2`);
    await wall.waitForSelector('body[data-tilesets="loaded"]', { timeout: 90_000 });
    await wall.waitForFunction(() => ((window as any).twin.wall.features.stats().coloured ?? 0) > 1000, undefined, { timeout: 120_000 });
    const live = await wall.evaluate(() => ({ stats: (window as any).twin.wall.features.stats(), programs: (window as any).twin.wall.surface.renderer.info.programs.length }));
    expect(await wall.textContent('.legend h3')).toContain('µg/m³');
    const colouredPx = await saturatedPixels(wall);
    await wall.screenshot({ path: join(shots, 'wall-live-colours.png') });
    await wall.selectOption('#color-by', '');
    await wall.waitForFunction(() => (window as any).twin.wall.features.stats().coloured === 0);
    const plainPx = await saturatedPixels(wall);
    console.log(`wall live colouring: ${live.stats.coloured} of ${live.stats.features} loaded buildings coloured; saturated pixels ${colouredPx} coloured vs ${plainPx} plain`);
    expect(colouredPx).toBeGreaterThan(plainPx + 2000);
    expect((await wall.evaluate(() => (window as any).twin.wall.surface.renderer.info.programs.length))).toBe(live.programs);
    // Coverage computed in a workspace of the same city reaches the wall through the overlay mirror.
    await s.page.goto(`${baseUrl}/?fly=0&feed=none`);
    await s.page.waitForSelector('body[data-dispatch="ready"]', { timeout: 150_000 });
    await s.page.selectOption('#color-by', 'coverage');
    await wall.waitForFunction(() => ((window as any).twin.mirror?.applied ?? 0) > 0 && (window as any).twin.wall.features.stats().coloured > 1000, undefined, { timeout: 120_000 });
    await wall.screenshot({ path: join(shots, 'wall-coverage.png') });
    await wall.close();
  });

  it('compares in split screen beside the side panel, exports a PNG that is not black, and closes without WebGL errors', async () => {
    const warnings: string[] = [];
    s.page.on('console', (m) => { if (/WebGL|GL_INVALID/.test(m.text())) warnings.push(m.text()); });
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.goto(`${baseUrl}/?fly=0&feed=none&role=planner&scenario=highrise-fire&variant=forward-fire-post&compare=1`);
    await s.page.waitForSelector('body[data-scenario="ready"]', { timeout: 180_000 });
    expect(await s.page.isVisible('.sc-timeline')).toBe(true);
    const right = (await s.page.locator('.sc-compare-right').boundingBox())!, side = (await s.page.locator('#side').boundingBox())!;
    expect(right.x + right.width).toBeLessThanOrEqual(side.x + 0.5);
    const kpis = (await s.page.locator('.sc-kpis-wrap').boundingBox())!, section = (await s.page.locator('details[data-section="scenarios"]').boundingBox())!;
    expect(kpis.x + kpis.width).toBeLessThanOrEqual(section.x + section.width + 0.5);
    await s.page.screenshot({ path: join(shots, 'split-compare.png') });
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.click('button[data-export="png"]')]);
    const png = readFileSync((await download.path())!).toString('base64');
    const lit = await s.page.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] > 150) n++;
      return { lit: n, total: px.length / 4, halves: window.twin!.scenario!.split!.canvases().length };
    }, png);
    console.log(`PNG export: ${lit.lit} of ${lit.total} pixels lit (${lit.halves} halves)`);
    expect(lit.lit).toBeGreaterThan(lit.total * 0.2);
    await s.page.evaluate(() => window.twin!.scenario!.setCompare(false));
    await s.page.waitForTimeout(2000);
    expect(await s.page.locator('.sc-compare-right').count()).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('logged no console errors and made no request off its origin (the feed is proxied at /mqtt)', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});

/** Wall pixels of strong colour (the indicator ramp), against the grey-white buildings and tan ground of the day look. */
async function saturatedPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = (window as any).twin.wall;
    const px: Uint8Array = w.readPixels(0, 0, w.surface.widthPx, w.surface.heightPx);
    let n = 0;
    for (let i = 0; i < px.length; i += 4) {
      const max = Math.max(px[i], px[i + 1], px[i + 2]), min = Math.min(px[i], px[i + 1], px[i + 2]);
      if (max > 120 && max - min > 110) n++;
    }
    return n;
  });
}
