import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { geodesicInverse } from '../../src/analysis/measure/geodesic';
import { readAnalysisCity } from '../../src/analysis/node/readAnalysisCity';
import { AnalysisScene } from '../../src/analysis/scene/AnalysisScene';
import { citySceneData } from '../../src/analysis/scene/citySceneData';
import { solarPosition } from '../../src/analysis/sun/solarPosition';
import type {} from '../../src/app/TwinHandle';
import type { BuildingRecord } from '../../src/twin/BuildingRecord';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');

/** The demo city as the tests see it in node: buildings, their ground, lon/lat of centroids. */
function cityFacts() {
  const city = readAnalysisCity('demo', join(root, 'tilesets'));
  const { data, groundM } = citySceneData(city);
  const scene = new AnalysisScene(data);
  const centre = (b: BuildingRecord) => {
    let x = 0, y = 0;
    for (const p of b.footprint) { x += p[0]; y += p[1]; }
    return [x / b.footprint.length, y / b.footprint.length] as [number, number];
  };
  const roof = (b: BuildingRecord) => { const [x, y] = centre(b); const [lon, lat] = city.frame.toLonLat(x, y); return { lon, lat, h: groundM(b) + b.heightM, x, y }; };
  // The tallest building with at least three homes just north of it (in its winter shadow).
  const homesNorthOf = (t: BuildingRecord) => {
    const [tx, ty] = centre(t);
    return city.buildings.filter((b) => { const [x, y] = centre(b); return b.use === 'residential' && y - ty > 15 && y - ty < 140 && Math.abs(x - tx) < 60; }).slice(0, 5);
  };
  const tallest = [...city.buildings].sort((a, b) => b.heightM - a.heightM).find((b) => homesNorthOf(b).length >= 3)!;
  return { city, scene, tallest, north: homesNorthOf(tallest), roof, frame: city.frame, over60: city.buildings.filter((b) => b.heightM > 60).length };
}

/** Pixel statistics of the workspace's canvas, drawn now. */
async function viewPixels(page: Page): Promise<{ dark: number; saturated: number; total: number }> {
  return page.evaluate(async () => {
    const v = window.twin!.workspace.viewer;
    // In request-render mode render() draws nothing unless a frame was asked for, and the canvas
    // read back after a frame that was not drawn is blank (no preserved drawing buffer).
    v.scene.requestRender();
    v.render();
    const img = new Image();
    img.src = v.scene.canvas.toDataURL('image/png');
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    let dark = 0, saturated = 0;
    for (let i = 0; i < px.length; i += 4) {
      const max = Math.max(px[i], px[i + 1], px[i + 2]), min = Math.min(px[i], px[i + 1], px[i + 2]);
      if (0.2126 * px[i] + 0.7152 * px[i + 1] + 0.0722 * px[i + 2] < 55) dark++;
      if (max > 120 && max - min > 100) saturated++;
    }
    return { dark, saturated, total: px.length / 4 };
  });
}

/** Canvas position of a point (deg, m), and the page position a mouse click there needs (the canvas sits under the top bar). */
const screenOf = (page: Page, lon: number, lat: number, h: number) => page.evaluate(([a, b, c]) => {
  const ws = window.twin!.workspace, p = ws.screenPositionOf(a, b, c), r = ws.viewer.scene.canvas.getBoundingClientRect();
  return p ? { x: p.x, y: p.y, page: { x: p.x + r.left, y: p.y + r.top } } : null;
}, [lon, lat, h] as const);
/** Presses a global shortcut key with no field focused (keys typed in a field belong to it). */
const press = async (page: Page, key: string) => {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
};
/** Waits until the building at a canvas position is `id` (its leaf tile has streamed in: coarse tiles hold merged blocks); on a timeout, says what is there. */
const waitPick = (page: Page, p: { x: number; y: number }, id: string) => page.waitForFunction(([q, want]) => {
  const ws = window.twin!.workspace;
  ws.viewer.scene.requestRender();
  return String(ws.hitAt(q as never).building?.id ?? '') === want;
}, [p, id] as const, { timeout: 60_000, polling: 300 }).catch(async (err: Error) => {
  const hit = await page.evaluate((q) => { const h = window.twin!.workspace.hitAt(q as never); return { building: h.building ? String(h.building.id ?? `a feature without an id (${Object.keys(h.building).join(',')})`) : null, objectId: h.objectId, overlays: window.twin!.overlay.ids() }; }, p);
  await page.screenshot({ path: join(shots, `analysis-pick-missed-${id}.png`) });
  throw new Error(`${err.message}: building ${id} not picked at ${p.x.toFixed(0)},${p.y.toFixed(0)}; found ${JSON.stringify(hit)}`);
});
/** The building id picked at a window position ('' for none). */
const pickedAt = (page: Page, p: { x: number; y: number }) => page.evaluate((q) => String(window.twin!.workspace.hitAt(q as never).building?.id ?? ''), p);
/** Opens a side-panel section and scrolls it into view (for the screenshots). */
const openSection = (page: Page, id: string) => page.evaluate((sid) => {
  const d = document.querySelector(`details[data-section="${sid}"]`) as HTMLDetailsElement;
  d.open = true;
  d.scrollIntoView({ block: 'start' });
}, id);
/** Renders frames until the tiles for the view are in. */
const settle = (page: Page) => page.waitForFunction(() => { const t = window.twin!.workspace.tilesets; t.buildings.tilesLoaded || window.twin!.workspace.viewer.scene.requestRender(); return t.buildings.tilesLoaded && t.terrain.tilesLoaded; }, undefined, { timeout: 90_000, polling: 250 });

describe('The planner\'s and analyst\'s 3D analysis tools', () => {
  const baseUrl = inject('baseUrl');
  const f = cityFacts();
  const t = f.roof(f.tallest);
  let s: BrowserSession;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    s = await launchBrowser(baseUrl, { width: 1280, height: 800 });
    await s.page.goto(`${baseUrl}/?fly=0&feed=none&role=planner&sun=2026-01-20T12:00`);
    await s.page.waitForSelector('body[data-tilesets="loaded"]', { timeout: 150_000 });
    await s.page.waitForSelector('body[data-twin-model="ready"]', { timeout: 120_000 });
    await s.page.evaluate(([lon, lat, h]) => window.twin!.workspace.lookAt(lon, lat, h, 900, -38), [t.lon, t.lat - 0.004, t.h - f.tallest.heightM] as const);
    await settle(s.page);
  });
  afterAll(async () => { await s?.close(); });

  it('puts the tools in a 3D analysis group of the planner\'s Plan tab and shows the sun\'s place for the linked time', async () => {
    expect(await s.page.getAttribute('details[data-section="analysis"]', 'open')).not.toBeNull();
    for (const id of ['sun', 'sunlight', 'sight', 'limits', 'section']) expect(await s.page.locator(`details[data-section="analysis"] details[data-section="${id}"]`).count()).toBe(1);
    const sun = solarPosition(Date.UTC(2026, 0, 20, 4, 0), 104.06, 30.66);
    const text = await s.page.textContent('.sun-position');
    expect(text).toContain(`elevation ${sun.elevationDeg.toFixed(2)}°`);
    expect(text).toContain(`azimuth ${sun.azimuthDeg.toFixed(2)}°`);
    // The keyboard moves the sun: S focuses the slider, Page Up is an hour later.
    await press(s.page, 's');
    expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('sun-time');
    await s.page.keyboard.press('PageUp');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('sun') === '2026-01-20T13:00');
    const later = solarPosition(Date.UTC(2026, 0, 20, 5, 0), 104.06, 30.66);
    expect(await s.page.textContent('.sun-position')).toContain(`azimuth ${later.azimuthDeg.toFixed(2)}°`);
    const off = await viewPixels(s.page);
    await s.page.check('.sun-panel input[type="checkbox"]');
    await s.page.waitForFunction(() => window.twin!.workspace.viewer.shadows);
    const on = await viewPixels(s.page);
    console.log(`shadows at 13:00 on 大寒: ${off.dark} dark pixels without, ${on.dark} with (of ${on.total})`);
    expect(on.dark).toBeGreaterThan(off.dark + on.total * 0.01);
    await s.page.screenshot({ path: join(shots, 'analysis-sun-shadows.png') });
    await s.page.uncheck('.sun-panel input[type="checkbox"]');
  });

  it('counts the sunlight of buildings picked on the map and north of the tallest tower, with a table, legend and coloured samples', async () => {
    const home = f.roof(f.north[0]);
    // The overview the samples are counted on, first without any highlight.
    const overview = async () => {
      await s.page.evaluate(([lon, lat, h]) => window.twin!.workspace.lookAt(lon, lat, h, 900, -38), [t.lon, t.lat - 0.004, t.h - f.tallest.heightM] as const);
      await settle(s.page);
    };
    // The close-up the colours are counted on (the overview shows the homes behind the tower, and
    // at its distance they may still be in a coarse tile, whose merged blocks carry no building colours).
    const closeUp = async () => {
      await s.page.evaluate(([lon, lat, h]) => window.twin!.workspace.lookAt(lon, lat, h, 300, -60), [home.lon, home.lat, home.h] as const);
      await settle(s.page);
      const p = (await screenOf(s.page, home.lon, home.lat, home.h - 0.5))!;
      await waitPick(s.page, p, f.north[0].id);
      return p;
    };
    await overview();
    const at = await closeUp();
    const before = await viewPixels(s.page);
    await press(s.page, 'u');
    await s.page.mouse.click(at.page.x, at.page.y);
    await s.page.waitForFunction((id) => window.twin!.sunlight!.chosen.includes(id), f.north[0].id);
    await press(s.page, 'u');
    await overview();
    await s.page.evaluate((ids) => window.twin!.sunlight!.choose([...window.twin!.sunlight!.chosen, ...ids]), f.north.slice(1).map((b) => b.id));
    expect(await s.page.locator('.sunlight-panel .an-chips button').count()).toBe(f.north.length);
    await s.page.click('.sunlight-panel button:text("Count sunlight")');
    await s.page.waitForSelector('body[data-sunlight="done"]', { timeout: 60_000 });
    const r = await s.page.evaluate(() => { const x = window.twin!.sunlight!.result!; return { samples: x.plan.samples.count, floors: x.report.floors.length, below: x.report.floors.filter((q) => q.belowStandard).length, rows: x.report.belowStandard.length, seconds: x.seconds }; });
    console.log(`sunlight: ${r.samples} samples of ${f.north.length} buildings in ${r.seconds.toFixed(1)} s, ${r.below} of ${r.floors} floors below 2 h`);
    expect(await s.page.textContent('.sunlight-panel .an-result')).toContain(`${r.samples.toLocaleString('en')} sample points`);
    expect(await s.page.textContent('.sunlight-panel .an-result')).toContain(`${r.below} of ${r.floors} floors below 120 min`);
    expect(await s.page.locator('.sunlight-panel .an-table tbody tr').count()).toBe(r.rows);
    expect(await s.page.textContent('.legend [data-legend="sunlight"] h3')).toBe('Sun on 2026-01-20 (min)');
    await closeUp();
    const after = await viewPixels(s.page);
    await s.page.screenshot({ path: join(shots, 'analysis-sunlight-closeup.png') });
    console.log(`sunlight close-up: building colours ${JSON.stringify(await s.page.evaluate(() => window.twin!.colours!.stats()))}`);
    console.log(`sunlight colours on screen (close-up of ${f.north[0].id}): ${before.saturated} saturated pixels before, ${after.saturated} after`);
    expect(after.saturated).toBeGreaterThan(before.saturated + 300);
    expect(new URL(s.page.url()).searchParams.get('sunB')).toBe(f.north.map((b) => b.id).join(','));
    await openSection(s.page, 'sunlight');
    await s.page.screenshot({ path: join(shots, 'analysis-sunlight.png') });
    await overview(); // the next test clicks the tower from there
  });

  it('draws a sight line blocked by the tallest tower (clicked on the map) and a viewshed drape', async () => {
    await openSection(s.page, 'sight');
    const south = f.frame.toLonLat(f.roof(f.tallest).x, f.roof(f.tallest).y - 60), north = f.frame.toLonLat(f.roof(f.tallest).x, f.roof(f.tallest).y + 70);
    const los = await s.page.evaluate(([a, b]) => window.twin!.sight!.line(a, b), [south, north] as const);
    expect(los.visible).toBe(false);
    expect(await s.page.textContent('.sight-panel .an-result')).toMatch(new RegExp(`Blocked by building ${f.tallest.id} at [0-9.]+ m from the eye`));
    // The same with two clicks (key L): the tower's foot to a point beside the camera's target.
    await s.page.evaluate(() => window.twin!.overlay.remove('sight:line'));
    const a = (await screenOf(s.page, south[0], south[1], f.roof(f.tallest).h - f.tallest.heightM))!;
    await press(s.page, 'l');
    await s.page.mouse.click(a.page.x, a.page.y);
    const b = (await screenOf(s.page, north[0], north[1], f.roof(f.tallest).h - f.tallest.heightM))!;
    await s.page.mouse.click(b.page.x, b.page.y);
    await s.page.waitForFunction(() => window.twin!.overlay.get('sight:line') !== undefined);
    expect(await s.page.getAttribute('button:text("Sight line (L)")', 'aria-pressed')).toBe('false');
    const v = await s.page.evaluate(([lon, lat]) => window.twin!.sight!.viewshed([lon, lat]).then((x) => ({ visible: x.visibleCells, inRadius: x.cellsInRadius })), south);
    const share = (100 * v.visible) / v.inRadius;
    expect(share).toBeGreaterThan(1);
    expect(share).toBeLessThan(99);
    expect(await s.page.textContent('.sight-panel .an-result:last-of-type')).toContain(`Visible: ${share.toFixed(1)} % of ${v.inRadius.toLocaleString('en')} cells`);
    expect(await s.page.evaluate(() => window.twin!.overlay.get('sight:viewshed')?.kind)).toBe('heatGrid');
    await s.page.screenshot({ path: join(shots, 'analysis-sight-viewshed.png') });
  });

  it('finds the buildings above a 60 m limit and the skyline rise of the proposed tower from the terrace', async () => {
    await press(s.page, 'k');
    expect(await s.page.inputValue('.limits-panel input[name="limit-height"]')).toBe('60');
    await s.page.waitForSelector('body[data-limits]');
    const n = Number(await s.page.getAttribute('body', 'data-limits'));
    console.log(`height limit 60 m: ${n} buildings above (${f.over60} are taller than 60 m)`);
    expect(Math.abs(n - f.over60)).toBeLessThanOrEqual(Math.max(3, f.over60 * 0.05));
    expect(await s.page.textContent('.limits-panel .an-result')).toContain(`${n.toLocaleString('en')} of ${f.city.buildings.length.toLocaleString('en')} buildings above the limit`);
    await s.page.fill('.limits-panel input[name="skyline-eye"]', '40');
    const change = await s.page.evaluate(() => window.twin!.limits!.skyline([104.1052, 30.6722], 'new-tower-sunlight/tower'));
    expect(change.maxRiseDeg).toBeGreaterThan(5);
    expect(await s.page.textContent('.limits-panel .an-result:last-of-type')).toContain(`rises by up to ${change.maxRiseDeg.toFixed(2)}°`);
    expect(await s.page.locator('.limits-panel .an-chart canvas').count()).toBeGreaterThan(0);
    // From the terrace, looking north at where the tower would stand: the pink "after" skyline rises there.
    const site = f.scene.groundM(...f.frame.toPlane(104.1052, 30.6747));
    await s.page.evaluate((g) => window.twin!.workspace.lookAt(104.1052, 30.6747, g + 60, 320, -6), site);
    await settle(s.page);
    await s.page.screenshot({ path: join(shots, 'analysis-limits-skyline.png') });
  });

  it('measures a distance, an area and a profile with units, keyboard-armed, in the analyst\'s tab', async () => {
    await s.page.click('#tab-analyse');
    await press(s.page, 'm');
    expect(await s.page.getAttribute('.measure-panel button:text("Measure (M)")', 'aria-pressed')).toBe('true');
    const a: [number, number] = [104.1040, 30.6700], b: [number, number] = [104.1100, 30.6712];
    await s.page.evaluate(([p, q]) => window.twin!.measure!.add(p).then(() => window.twin!.measure!.add(q)), [a, b] as const);
    const values = () => s.page.evaluate(() => Object.fromEntries(window.twin!.measure!.values));
    const d = await values();
    const g = geodesicInverse(a, b).distanceM;
    expect(d['Along the ground (geodesic)']).toBe(`${g.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} m`);
    expect(await s.page.textContent('.measure-panel .an-values')).toContain(d['Straight (3D)']);
    const surface = parseFloat(d['Over the surface (terrain and roofs)'].replace(/,/g, ''));
    expect(surface).toBeGreaterThanOrEqual(g - 1);
    await s.page.click('.measure-panel button[data-mode="area"]');
    const dx = 0.002, dy = 0.0018;
    await s.page.evaluate(([x, y]) => [[104.104, 30.67], [104.104 + x, 30.67], [104.104 + x, 30.67 + y], [104.104, 30.67 + y]].reduce((p, q) => p.then(() => window.twin!.measure!.add(q as [number, number])), Promise.resolve()), [dx, dy] as const);
    const area = parseFloat((await values()).Area.replace(/,/g, ''));
    const expected = geodesicInverse([104.104, 30.67], [104.104 + dx, 30.67]).distanceM * geodesicInverse([104.104, 30.67], [104.104, 30.67 + dy]).distanceM;
    expect(Math.abs(area - expected) / expected).toBeLessThan(0.002);
    await s.page.click('.measure-panel button[data-mode="profile"]');
    await s.page.evaluate(([p, q]) => window.twin!.measure!.add(p).then(() => window.twin!.measure!.add(q)).then(() => window.twin!.measure!.finish()), [a, b] as const);
    const prof = await values();
    expect(prof['Horizontal length']).toMatch(/m$/);
    expect(prof['Lowest / highest']).toMatch(/^[0-9.]+ m \/ [0-9.]+ m$/);
    expect(await s.page.locator('.measure-panel .an-chart canvas').count()).toBeGreaterThan(0);
    await s.page.evaluate(() => window.twin!.workspace.lookAt(104.107, 30.6706, 500, 1400, -45));
    await settle(s.page);
    await s.page.screenshot({ path: join(shots, 'analysis-measure-profile.png') });
  });

  it('cuts a section: the tallest tower\'s floors above 3 are gone (the pick passes through), and the wall clips the same', async () => {
    await s.page.click('#tab-plan');
    // The height-limit check of the test before draws the tower's part above 60 m as a solid over it, which a pick hits first.
    await openSection(s.page, 'limits');
    await s.page.click('.limits-panel button:text-is("Clear")');
    await s.page.waitForFunction(() => !window.twin!.overlay.ids().some((id) => ['limits:above', 'limits:offenders'].includes(id)));
    await openSection(s.page, 'section');
    // Close enough that the tower's leaf tile replaces the coarse tile's merged tower (the pick names buildings of leaves).
    await s.page.evaluate(([lon, lat, h]) => window.twin!.workspace.lookAt(lon, lat, h, 300, -45), [t.lon, t.lat, t.h] as const);
    await settle(s.page);
    // The tower's leaf tile first (the coarse tiles hold merged blocks), then the wall beside it. The
    // viewshed of the sight test is still draped over the tower: the pick goes through it (pickThrough).
    expect(await s.page.evaluate(() => window.twin!.overlay.ids())).toContain('sight:viewshed');
    const roofAt = (await screenOf(s.page, t.lon, t.lat, t.h - 2))!;
    await waitPick(s.page, roofAt, f.tallest.id);
    const wall = await s.context.newPage();
    wall.on('console', (m) => { if (m.type() === 'error') s.errors.push(`wall: ${m.text()}`); });
    await wall.setViewportSize({ width: 640, height: 400 });
    await wall.goto(`${baseUrl}/?view=wall&tour=0&budget=0&mode=day&fps=2`);
    await wall.waitForSelector('body[data-tilesets="loaded"]', { timeout: 120_000 });
    await s.page.bringToFront();
    await s.page.evaluate((id) => window.twin!.section!.set({ kind: 'f', id, floor: 3 }), f.tallest.id);
    expect(new URL(s.page.url()).searchParams.get('section')).toBe(`f:${f.tallest.id},3`);
    expect(await s.page.evaluate(() => window.twin!.section!.clipping.planeCount)).toBeGreaterThanOrEqual(5);
    expect(await pickedAt(s.page, roofAt)).not.toBe(f.tallest.id);
    await wall.waitForSelector('body[data-wall-section]');
    expect(await wall.evaluate(() => window.twin!.wall!.look.clipPlanes.length)).toBeGreaterThanOrEqual(5);
    expect(await wall.evaluate(() => window.twin!.wallAnalysis!.state.sunTimeMs)).toBe(Date.UTC(2026, 0, 20, 5));
    await s.page.screenshot({ path: join(shots, 'analysis-section-floors.png') });
    await s.page.evaluate(([a, b]) => window.twin!.section!.set({ kind: 'v', a, b }), [[t.lon - 0.01, t.lat], [t.lon + 0.01, t.lat]] as [[number, number], [number, number]]);
    await wall.waitForFunction(() => window.twin!.wall!.look.clipPlanes.length === 1);
    await s.page.screenshot({ path: join(shots, 'analysis-section-vertical.png') });
    await wall.close();
    await s.page.evaluate(() => window.twin!.section!.set(null));
  });

  it('shows a variant\'s proposed tower as a solid and takes the shed it replaces out of the view', async () => {
    const shed = f.city.buildings.find((b) => b.id === 'B015033')!;
    const r = f.roof(shed);
    await s.page.goto(`${baseUrl}/?fly=0&feed=none&role=planner&scenario=new-tower-sunlight&variant=tower`);
    await s.page.waitForSelector('body[data-scenario="ready"]', { timeout: 170_000 });
    await s.page.evaluate(([lon, lat, h]) => window.twin!.workspace.lookAt(lon, lat, h, 450, -30), [r.lon, r.lat - 0.0015, r.h - shed.heightM] as const);
    await settle(s.page);
    await s.page.waitForFunction(() => window.twin!.colours!.stats().hidden >= 1);
    const at = (await screenOf(s.page, r.lon, r.lat, r.h - shed.heightM + 2))!;
    expect(await pickedAt(s.page, at)).not.toBe('B015033');
    expect(await s.page.evaluate(() => window.twin!.overlay.get('scenario:proposed-buildings:polygons')?.kind)).toBe('polygons');
    await s.page.screenshot({ path: join(shots, 'analysis-proposed-tower.png') });
  });

  it('logged no console errors and made no request off its origin', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
