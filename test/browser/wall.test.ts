import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');

/**
 * The overlay layers the test sets in the twin model: a zone (east, clear of the tallest towers: the
 * workspace drapes it on buildings too), alerts, a route, labels, a heat grid, building colours.
 */
function overlayLayers(tallestIds: string[]) {
  const values = new Float32Array(64).map((_, i) => (i % 9) * 20);
  return {
    zone: { kind: 'polygons', polygons: [{ id: 'z1', ringLonLatDeg: [104.072, 30.642, 104.1, 30.642, 104.1, 30.672, 104.072, 30.672], fill: '#ff00ff', fillOpacity: 0.85, outline: '#ffffff' }] },
    alerts: { kind: 'points', points: [
      { id: 'a1', lonDeg: 104.05, latDeg: 30.655, color: '#ff2020', sizePx: 14, pulsing: true, alert: true, title: 'Water level 3.2 m' },
      { id: 's1', lonDeg: 104.07, latDeg: 30.665, color: '#22d3ee', sizePx: 8 },
      { id: 's2', lonDeg: 104.062, latDeg: 30.648, color: '#22d3ee', sizePx: 8 },
    ] },
    route: { kind: 'lines', lines: [{ id: 'r1', lonLatDeg: [104.02, 30.64, 104.06, 30.66, 104.1, 30.68], color: '#facc15', widthPx: 4 }] },
    names: { kind: 'labels', labels: [{ id: 'l1', lonDeg: 104.05, latDeg: 30.655, text: '积水 Flooding', color: '#ffffff' }, { id: 'l2', lonDeg: 104.08, latDeg: 30.68, text: 'Chenghua', color: '#e0f2fe' }] },
    rain: { kind: 'heatGrid', westDeg: 104.015, southDeg: 30.62, eastDeg: 104.04, northDeg: 30.645, cols: 8, rows: 8, values, opacity: 0.7,
      scale: { property: 'rain', title: 'Rain', unit: 'mm/h', kind: 'stepped', classes: [{ color: '#2563eb', label: 'low', min: 0, max: 60 }, { color: '#f97316', label: 'high', min: 60, max: 1e9 }] } },
    highlight: { kind: 'featureColors', tallestIds },
  };
}

/** Sets the layers in `window.twin.overlay` (feature colours as a Map, heat values as Float32Array). */
async function setOverlay(page: Page, layers: ReturnType<typeof overlayLayers>): Promise<void> {
  await page.evaluate((l) => {
    const m = window.twin!.overlay!;
    for (const [id, layer] of Object.entries(l) as Array<[string, any]>) {
      if (layer.kind === 'featureColors') m.set(id, { kind: 'featureColors', colors: new Map(layer.tallestIds.map((b: string) => [b, '#00ff66'])) });
      else if (layer.kind === 'heatGrid') m.set(id, { ...layer, values: new Float32Array(Object.values(layer.values)) });
      else m.set(id, layer);
    }
  }, layers);
}

/** Counts canvas pixels of the wall that are magenta (the zone) and bright green (the coloured buildings). */
async function wallColours(page: Page): Promise<{ magenta: number; green: number; lit: number; total: number }> {
  return page.evaluate(() => {
    const wall = (window as any).twin.wall;
    const { widthPx: w, heightPx: h } = wall.surface;
    const px: Uint8Array = wall.readPixels(0, 0, w, h);
    let magenta = 0, green = 0, lit = 0;
    for (let i = 0; i < px.length; i += 4) {
      const r = px[i], g = px[i + 1], b = px[i + 2];
      if (r > 150 && b > 150 && g < 110) magenta++;
      if (g > 150 && r < 110 && b < 170) green++;
      if (r + g + b > 60) lit++;
    }
    return { magenta, green, lit, total: px.length / 4 };
  });
}

/** The same counts on the Cesium workspace's canvas, read in postRender (before the frame is presented). */
async function workspaceColours(page: Page): Promise<{ magenta: number; green: number; total: number }> {
  return page.evaluate(() => new Promise((resolve) => {
    const scene = window.twin!.workspace.viewer.scene;
    const off = scene.postRender.addEventListener(() => {
      off();
      const gl = (scene as any).context._gl as WebGL2RenderingContext;
      const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight, px = new Uint8Array(w * h * 4);
      gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
      let magenta = 0, green = 0;
      for (let i = 0; i < px.length; i += 4) {
        const r = px[i], g = px[i + 1], b = px[i + 2];
        if (r > 150 && b > 150 && g < 110) magenta++;
        if (g > 150 && r < 110 && b < 170) green++;
      }
      resolve({ magenta, green, total: w * h });
    });
    scene.requestRender();
  }));
}

const poseOf = (page: Page) => page.evaluate(() => Array.from((window as any).twin.wall.rig.writePose(new Float64Array(8))) as number[]);

describe('Wall display in headless Chromium', () => {
  const baseUrl = inject('baseUrl');
  let s: BrowserSession;
  const geo = JSON.parse(readFileSync(join(root, 'tilesets/demo/buildings.geojson'), 'utf8'));
  const tallestIds: string[] = geo.features
    .sort((a: any, b: any) => b.properties.heightM - a.properties.heightM).slice(0, 300).map((f: any) => f.properties.id);

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    s = await launchBrowser(baseUrl, { width: 800, height: 450 });
    // A fixed render scale (budget=0): the pixel counts below compare frames of one size.
    await s.page.goto(`${baseUrl}/?view=wall&budget=0`);
  });
  afterAll(async () => { await s?.close(); });

  it('loads the terrain and building tilesets and shows the city at night', async () => {
    await s.page.waitForSelector('body[data-tilesets="loaded"]', { timeout: 60_000 });
    const load = await s.page.evaluate(() => ({ ...(window as any).twin.load, ms: (window as any).twin.loadedAtMs }));
    console.log(`wall: tilesets loaded in ${load.ms} ms (buildings ${load.buildingTilesLoaded} tiles, terrain ${load.terrainTilesLoaded})`);
    expect(load.buildingTilesLoaded).toBeGreaterThan(0);
    expect(load.terrainTilesLoaded).toBeGreaterThan(0);
    expect(load.failures).toBe(0);
    // Building ids came through EXT_structural_metadata: every loaded feature has one.
    const ids = await s.page.evaluate(() => (window as any).twin.wall.features.stats());
    expect(ids.features).toBeGreaterThan(1000);
    const c = await wallColours(s.page);
    // The city glows: a good share of the canvas is lit, and nothing of the overlay is there yet.
    expect(c.lit / c.total).toBeGreaterThan(0.2);
    expect(c.magenta).toBeLessThan(c.total * 0.002);
    expect(await s.page.isVisible('.topbar')).toBe(true);
    expect(await s.page.getAttribute('#view-switch', 'href')).toContain('view=workspace');
    await s.page.screenshot({ path: join(shots, 'wall-city.png') });
  });

  it('draws the overlay layers set in the twin model, and their changes', async () => {
    const before = await wallColours(s.page);
    await setOverlay(s.page, overlayLayers(tallestIds));
    await s.page.waitForFunction(() => {
      const t = (window as any).twin;
      const drawn = t.wall.overlay.drawnVersions();
      return t.overlay.ids().every((id: string) => drawn[id] === t.overlay.versionOf(id));
    }, undefined, { timeout: 20_000 });
    const objects = await s.page.evaluate(() => {
      const scene = (window as any).twin.wall.scene;
      return {
        markers: scene.getObjectByName('overlay:alerts')?.geometry.drawRange.count,
        labels: scene.getObjectByName('overlay:names')?.children.length,
        routeParts: scene.getObjectByName('overlay:route')?.children.length,
        coloured: (window as any).twin.wall.features.stats().coloured,
      };
    });
    expect(objects.markers).toBe(3);
    expect(objects.labels).toBe(2);
    expect(objects.routeParts).toBe(1);
    expect(objects.coloured).toBeGreaterThan(0);
    const after = await wallColours(s.page);
    console.log(`wall pixels before/after the overlay: magenta ${before.magenta}/${after.magenta}, green ${before.green}/${after.green} of ${after.total}`);
    expect(after.magenta).toBeGreaterThan(before.magenta + after.total * 0.005);
    expect(after.green).toBeGreaterThan(before.green + 200);
    await s.page.screenshot({ path: join(shots, 'wall-overlay.png') });
    // A removed layer leaves the scene and the drape.
    await s.page.evaluate(() => { (window as any).twin.overlay.remove('zone'); (window as any).twin.overlay.remove('alerts'); });
    await s.page.waitForFunction(() => !(window as any).twin.wall.scene.getObjectByName('overlay:alerts'), undefined, { timeout: 10_000 });
    expect((await wallColours(s.page)).magenta).toBeLessThan(after.magenta / 4);
    await s.page.keyboard.press('n');
    expect(await s.page.evaluate(() => (window as any).twin.wall.look.mode)).toBe('day');
    await s.page.screenshot({ path: join(shots, 'wall-day.png') });
  });

  it('draws the same twin state in the Cesium workspace', async () => {
    // The wall page is done: stop it so the next pages get the CPU.
    await s.page.goto('about:blank');
    const ws = await s.context.newPage();
    ws.on('console', (m) => { if (m.type() === 'error') s.errors.push(m.text()); });
    await ws.goto(`${baseUrl}/?view=workspace&fly=0&feed=none`);
    await ws.waitForSelector('body[data-tilesets="loaded"]', { timeout: 90_000 });
    await ws.waitForFunction(() => !!window.twin?.overlay, undefined, { timeout: 30_000 });
    const before = await workspaceColours(ws);
    await setOverlay(ws, overlayLayers(tallestIds));
    // Ground primitives build in Cesium's workers: poll until the zone and the coloured towers show.
    let after = await workspaceColours(ws);
    for (let i = 0; i < 60 && (after.magenta < after.total * 0.005 || after.green <= before.green + 200); i++) {
      await ws.waitForTimeout(500);
      after = await workspaceColours(ws);
    }
    console.log(`workspace pixels before/after the overlay: magenta ${before.magenta}/${after.magenta}, green ${before.green}/${after.green} of ${after.total}`);
    expect(after.magenta).toBeGreaterThan(before.magenta + after.total * 0.005);
    expect(after.green).toBeGreaterThan(before.green + 200);
    await ws.screenshot({ path: join(shots, 'wall-same-state-in-workspace.png') });
    await ws.close();
  });

  it('keeps two windows of a 2x1 wall in camera sync while the leader tours and moves', async () => {
    const q = 'view=wall&wall=2x1&wallId=sync-test&tour=1&flight=0.4&dwell=0.6';
    const [left, right] = [await s.context.newPage(), await s.context.newPage()];
    right.on('console', (m) => { if (m.type() === 'error') s.errors.push(m.text()); });
    left.on('console', (m) => { if (m.type() === 'error') s.errors.push(m.text()); });
    await right.goto(`${baseUrl}/?${q}&tile=1`);
    await left.goto(`${baseUrl}/?${q}&tile=0`);
    await Promise.all([left, right].map((p) => p.waitForFunction(() => (window as any).twin?.wall, undefined, { timeout: 30_000 })));
    // The tour visits the city, then districts: the caption changes at least twice.
    await left.waitForFunction(() => (window as any).twin.wall.tour.index >= 2, undefined, { timeout: 30_000 });
    expect(await left.getAttribute('body', 'data-tour-stop')).toBeTruthy();
    await left.evaluate(() => { const w = (window as any).twin.wall; w.tour.stop(); w.rig.setGeo(104.05, 30.64, 2500, 0.4, -0.6); });
    const lead = await poseOf(left);
    await right.waitForFunction((p) => {
      const f = Array.from((window as any).twin.wall.rig.writePose(new Float64Array(8))) as number[];
      return f.every((v, i) => Math.abs(v - p[i]) < 1e-6);
    }, lead, { timeout: 10_000 });
    const views = await Promise.all([left, right].map((p) => p.evaluate(() => {
      const { camera, sync } = (window as any).twin.wall;
      return { offsetX: camera.view.offsetX, fullWidth: camera.view.fullWidth, width: camera.view.width, leader: sync.isLeader, count: sync.count };
    })));
    expect(views[0]).toMatchObject({ offsetX: 0, leader: true });
    expect(views[1]).toMatchObject({ offsetX: views[1].width, fullWidth: 2 * views[1].width, leader: false });
    expect(views[1].count).toBeGreaterThan(2);
    await Promise.all([left, right].map((p) => p.waitForSelector('body[data-tilesets="loaded"]', { timeout: 60_000 })));
    await left.screenshot({ path: join(shots, 'wall-2x1-left.png') });
    await right.screenshot({ path: join(shots, 'wall-2x1-right.png') });
    await Promise.all([left.close(), right.close()]);
  });

  it('fills a 7680x2160 kiosk canvas and scales its resolution to the frame budget', async () => {
    const big = await s.context.newPage();
    big.on('console', (m) => { if (m.type() === 'error') s.errors.push(m.text()); });
    await big.setViewportSize({ width: 7680, height: 2160 });
    await big.goto(`${baseUrl}/?view=wall&kiosk=1&tour=0&budget=33`);
    await big.waitForFunction(() => (window as any).twin?.wall?.frames > 2, undefined, { timeout: 30_000 });
    const first = await big.evaluate(() => {
      const { surface } = (window as any).twin.wall;
      return { css: [surface.widthPx, surface.heightPx], buffer: [surface.renderer.domElement.width, surface.renderer.domElement.height] };
    });
    expect(first.css).toEqual([7680, 2160]);
    expect(first.buffer[0]).toBeGreaterThan(2000);
    expect(await big.isVisible('.topbar')).toBe(false);
    // Software rendering cannot draw 16.6 Mpx in 33 ms: the adaptive resolution must step down.
    await big.waitForFunction(() => (window as any).twin.wall.surface.renderScale < 0.9, undefined, { timeout: 45_000 });
    const after = await big.evaluate(() => {
      const { surface } = (window as any).twin.wall;
      return { scale: surface.renderScale, buffer: [surface.renderer.domElement.width, surface.renderer.domElement.height], meanMs: surface.adaptive.lastMeanMs };
    });
    console.log(`wall 7680x2160: render scale ${after.scale.toFixed(2)}, buffer ${after.buffer.join('x')}, mean frame ${after.meanMs.toFixed(0)} ms`);
    expect(after.buffer[0]).toBeLessThan(first.buffer[0]);
    // At a few frames per second the whole city takes a minute to stream in; some of it is enough to look at.
    await big.waitForFunction(() => (window as any).twin.wall.state.terrainTilesLoaded > 0 && (window as any).twin.wall.state.buildingTilesLoaded >= 8, undefined, { timeout: 60_000 });
    await big.screenshot({ path: join(shots, 'wall-7680x2160-kiosk.png') });
    await big.close();
  });

  it('made no request off its own origin and logged no console errors', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
