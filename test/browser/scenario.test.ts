import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type {} from '../../src/app/TwinHandle';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
const scenario = JSON.parse(readFileSync(join(root, 'scenarios/highrise-fire.json'), 'utf8'));
const cam = { lonDeg: 104.058, latDeg: 30.632, heightM: 3500, headingDeg: 10, pitchDeg: -45 };
const link = `?fly=0&feed=none&scenario=highrise-fire&variant=forward-fire-post&compare=1&t=600&cam=${[cam.lonDeg, cam.latDeg, cam.heightM, cam.headingDeg, cam.pitchDeg].join(',')}`;

type Cam = typeof cam;
function expectCamera(got: Cam, want: Cam): void {
  expect(got.lonDeg).toBeCloseTo(want.lonDeg, 6);
  expect(got.latDeg).toBeCloseTo(want.latDeg, 6);
  expect(got.heightM).toBeCloseTo(want.heightM, 1);
  expect(((got.headingDeg - want.headingDeg + 540) % 360) - 180).toBeCloseTo(0, 3);
  expect(got.pitchDeg).toBeCloseTo(want.pitchDeg, 3);
}

describe('What-if scenarios in the workspace (share link, compare, timeline, export)', () => {
  const baseUrl = inject('baseUrl');
  let s: BrowserSession;
  const state = () => s.page.evaluate(() => window.twin!.scenario!.state());

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    s = await launchBrowser(baseUrl, { width: 1100, height: 700 });
    await s.page.goto(`${baseUrl}/${link}`);
    await s.page.waitForSelector('body[data-scenario="ready"], body[data-scenario="error"]', { timeout: 170_000 });
  });
  afterAll(async () => { await s?.close(); });

  it('opens the share link on the same scenario, variant, camera and time, with both runs done in Web Workers', async () => {
    const st = await state();
    expect(st.status).toBe('ready');
    expect([st.scenario, st.variant, st.compare, st.timeS]).toEqual(['highrise-fire', 'forward-fire-post', true, 600]);
    expectCamera(st.camera, cam);
    expect(await s.page.inputValue('#scenario-select')).toBe('highrise-fire');
    expect(await s.page.inputValue('#variant-select')).toBe('forward-fire-post');
    expect(await s.page.inputValue('#scenario-time')).toBe('600');
    expect(await s.page.isChecked('#scenario-compare')).toBe(true);
    // The KPI table: every listed KPI, the forward post faster to get the whole team on scene.
    expect(await s.page.locator('.sc-kpis tbody tr').count()).toBe(scenario.kpis.length);
    expect(await s.page.getAttribute('.sc-kpis tr[data-kpi="fullResponseS"] td[data-better]', 'data-better')).toBe('variant');
    const row = st.kpis!.find((r) => r.id === 'fullResponseS')!;
    expect(row.values['forward-fire-post']!).toBeLessThan(row.values.baseline!);
    // The address bar is the share link of what is shown.
    const url = new URL(await s.page.evaluate(() => location.href));
    expect(url.searchParams.get('scenario')).toBe('highrise-fire');
    expect(url.searchParams.get('t')).toBe('600');
    await s.page.screenshot({ path: join(shots, 'scenario-share-link.png') });
  });

  it('shows baseline | variant side by side with linked cameras and the runs\' layers', async () => {
    expect(await s.page.locator('#view canvas').count()).toBeGreaterThan(0);
    expect(await s.page.locator('.sc-compare-right canvas').count()).toBeGreaterThan(0);
    const layers = await s.page.evaluate(() => window.twin!.overlay!.ids().filter((id) => id.startsWith('scenario:')));
    expect(layers).toContain('scenario:dispatch-routes:lines');
    const moved = { lonDeg: 104.0612, latDeg: 30.6401, heightM: 2200, headingDeg: 30, pitchDeg: -50 };
    await s.page.evaluate((c) => window.twin!.scenario!.setCamera(c), moved);
    await s.page.waitForFunction((want) => {
      const r = window.twin!.scenario!.split!.right.camera.positionCartographic;
      return Math.abs((r.longitude * 180) / Math.PI - want.lonDeg) < 1e-6 && Math.abs(r.height - want.heightM) < 0.5;
    }, moved, { timeout: 30_000 });
    expectCamera((await state()).camera, moved);
  });

  it('scrubs both runs from the keyboard and keeps the link in step', async () => {
    await s.page.focus('#scenario-time');
    await s.page.keyboard.press('ArrowRight');
    expect((await state()).timeS).toBe(720);
    await s.page.keyboard.press('End');
    expect((await state()).timeS).toBe(scenario.durationS);
    await s.page.keyboard.press('Home');
    await s.page.keyboard.press('PageUp');
    expect((await state()).timeS).toBe(120);
    expect(new URL(await s.page.evaluate(() => location.href)).searchParams.get('t')).toBe('120');
    const frames = await s.page.evaluate(() => window.twin!.scenario!.timeline!.samples().map((x) => [x.variant, x.frame]));
    expect(frames).toEqual([['baseline', 1], ['forward-fire-post', 1]]);
  });

  it('exports the KPI table as CSV, the layers as GeoJSON, a PNG of both halves and the share link', async () => {
    const get = async (what: string) => {
      const [d] = await Promise.all([s.page.waitForEvent('download'), s.page.click(`button[data-export="${what}"]`)]);
      return { name: d.suggestedFilename(), text: readFileSync((await d.path())!) };
    };
    const csv = await get('csv');
    expect(csv.name).toBe('highrise-fire.forward-fire-post.kpis.csv');
    expect(csv.text.toString('utf8').split('\r\n')[0]).toBe('kpi,label,unit,better,baseline,forward-fire-post,forward-fire-post diff,forward-fire-post diff %,forward-fire-post better');
    const geo = JSON.parse((await get('geojson')).text.toString('utf8'));
    expect(new Set(geo.features.map((f: { properties: { variant: string } }) => f.properties.variant))).toEqual(new Set(['baseline', 'forward-fire-post']));
    const png = await get('png');
    expect([...png.text.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.text.readUInt32BE(16)).toBe(await s.page.evaluate(() => window.twin!.scenario!.split!.canvases().reduce((w, c) => w + c.width, 0)));
    await s.page.click('button[data-export="link"]');
    await s.page.waitForFunction(() => /Share link/.test(document.querySelector('#scenario-panel .sc-status')?.textContent ?? ''));
    const shared = /(http\S+)/.exec((await s.page.textContent('#scenario-panel .sc-status'))!)![1];
    expect(shared).toBe(await s.page.evaluate(() => location.href));
  });

  it('made no request off its own origin and logged no console errors', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
