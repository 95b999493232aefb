import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import mqtt from 'mqtt';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFeed, type Feed } from '../../src/feed/startFeed';
import { importCity } from '../../src/pipeline/cityImport/importCity';
import { readImportConfig } from '../../src/pipeline/cityImport/readImportConfig';
import { openCityPackage, TILESETS_DIR } from '../../src/pipeline/package/openCityPackage';
import { FloodSolver } from '../../src/sim/flood/FloodSolver';
import { runFloodScenario } from '../../src/sim/flood/runFloodScenario';
import { tempDataDir, testAuthority } from '../unit/signs/feedTestKit';
import { launchBrowser, type BrowserSession } from './launchBrowser';
import { referenceData, SHARED_DIR } from '../referenceData';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
const shared = SHARED_DIR;
const present = referenceData('central-Chengdu city package in the browser (districts, dispatch, flood, simulated live alerts, scenario compare)', 'data/chengdu/chengdu_center.osm').present;
const CITY = 'chengdu-center';
/** A shop east of Chunxi Road: the fire of the dispatch check and the centre of the flood what-if. */
const SHOP: [number, number] = [104.0842, 30.6575];

describe.skipIf(!present)('the imported central-Chengdu package in the workspace', () => {
  const baseUrl = inject('baseUrl');
  let s: BrowserSession;

  beforeAll(async () => {
    if (!existsSync(join(TILESETS_DIR, CITY, 'city.json'))) {
      await importCity(readImportConfig(join(root, 'config/cities/chengdu-center.json'), join(dirname(shared), 'repo')), join(TILESETS_DIR, CITY));
    }
    mkdirSync(shots, { recursive: true });
    s = await launchBrowser(baseUrl, { width: 900, height: 640 });
    await s.page.goto(`${baseUrl}/?city=${CITY}&fly=0&feed=none`);
    await s.page.waitForSelector('body[data-dispatch="ready"]', { timeout: 150_000 });
  }, 300_000);
  afterAll(async () => { await s?.close(); });

  it('drills into the real districts and dispatches a fire from a real OSM fire station', async () => {
    const districts = await s.page.evaluate(() => {
      const h = window.twin!.model!.hierarchy;
      return h.children(h.root.id).filter((u) => u.level === 'district').map((u) => u.name).sort();
    });
    expect(districts).toEqual(['成华区', '金牛区', '锦江区', '青羊区']);
    expect(await s.page.textContent('.dispatch-status')).toMatch(/114 units at 40 stations/);
    await s.page.selectOption('.dispatch-panel select', 'fire');
    await s.page.evaluate((p) => window.twin!.dispatch!.raise(p), SHOP);
    await s.page.waitForSelector('body[data-dispatched="1"]', { timeout: 60_000 });
    const units = await s.page.locator('li[data-incident="INC-1"] li[data-unit]').allTextContents();
    const engines = units.filter((u) => u.startsWith('Fire engine'));
    expect(engines.length).toBeGreaterThan(0);
    for (const u of engines) expect(u).toMatch(/from (成都市消防支队第三中队|成都市公安消防局四中队|花牌坊消防站): ETA \d+ min \d\d s$/);
    await s.page.waitForTimeout(2000);
    await s.page.screenshot({ path: join(shots, 'chengdu-center-workspace.png') });
  });

  it('runs a flood what-if over Chunxi Road on the flat imported ground, and says the ground is flat', async () => {
    // The package came without a DEM: the panel says what that means for the water.
    expect(await s.page.textContent('.sim-flat')).toMatch(/^Central Chengdu \(OpenStreetMap\) came without an elevation model, so its ground is flat/);
    const centre = await s.page.evaluate((p) => window.twin!.model!.frame.toPlane(p[0], p[1]), SHOP);
    await s.page.evaluate((c) => { void window.twin!.simulation!.run(180, c as [number, number]); }, centre);
    await s.page.waitForSelector('body[data-flood="done"]', { timeout: 120_000 });
    expect(await s.page.locator('.sim-time').getAttribute('max')).toBe('11');
    const last = await s.page.evaluate(() => window.twin!.simulation!.lastRun!);
    const run = last.kpis;
    // A 1 h storm peaking at 180 mm/h is 69 mm of rain; 20 mm/h drains: the rest stands on flat ground.
    expect(run.rainM3).toBeGreaterThan(60_000);
    expect(run.drainageM3).toBeGreaterThan(0);
    expect(run.maxDepthM).toBeGreaterThan(0.03);
    expect(run.floodedAreaM2).toBeGreaterThan(0);
    expect(Math.abs(run.massBalanceError)).toBeLessThan(1e-6);
    // The same bits as node on one thread, on the imported package as on the demo.
    const node = await runFloodScenario(last.scenario, { file: 'flood what-if (node)', keepFrames: false, openCity: openCityPackage, createRunner: async (g, p) => new FloodSolver(g, p) });
    expect(run).toEqual(node.kpis);
    expect(await s.page.textContent('.legend h3')).toBe('Flood depth (m)');
    await s.page.locator('.sim-panel').scrollIntoViewIfNeeded();
    await s.page.waitForTimeout(1500);
    await s.page.screenshot({ path: join(shots, 'chengdu-center-flood.png') });
    await s.page.click('.sim-clear');
  });

  it('made no request off its own origin and logged no console errors', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});

/**
 * The browser set-up's feed serves the demo city; this block starts a feed of its own for the
 * imported package (its synthetic sensors, topics city/chengdu-center/...) with a vite preview
 * that proxies /api and /mqtt to it, logs in, and opens the workspace on the rainstorm scenario's
 * share link: live alerts marked simulated and the scenario's baseline | variant in one page.
 */
describe.skipIf(!present)('central Chengdu with its own feed: simulated live alerts, a scenario compared, the wall', () => {
  let data: ReturnType<typeof tempDataDir> | undefined;
  let feed: Feed, site: PreviewServer, s: BrowserSession, siteUrl: string;
  let viewer: { username: string; password: string };
  const link = `?city=${CITY}&fly=0&scenario=chengdu-center-rainstorm&variant=drainage-upgrade&compare=1&t=2700`;

  beforeAll(async () => {
    data = tempDataDir('rc-chengdu-feed-');
    const { passwords } = await testAuthority(data.dir, undefined, CITY);
    viewer = { username: 'viewer', password: passwords.viewer };
    feed = await startFeed({ port: 0, wsPort: 0, dataDir: data.dir, city: CITY });
    const target = feed.urls.http;
    site = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', proxy: { '/api/': { target }, '/mqtt': { target, ws: true } } } });
    siteUrl = site.resolvedUrls!.local[0].replace(/\/$/, '');
    s = await launchBrowser(siteUrl, { width: 1100, height: 700 }, viewer);
    await s.page.goto(`${siteUrl}/${link}`);
    const t0 = Date.now();
    await s.page.waitForFunction(() => (window.twin?.signs?.connection?.status.messages ?? 0) > 20, undefined, { timeout: 150_000 });
    console.log(`chengdu-center: own feed and site up, page loaded and readings flowing in ${Date.now() - t0} ms`);
  }, 300_000);
  afterAll(async () => {
    await s?.close();
    await site?.close();
    await feed?.stop();
    data?.remove();
  });

  it('opens the rainstorm scenario from its share link and compares baseline | sponge-city drainage side by side', async () => {
    const t0 = Date.now();
    await s.page.waitForSelector('body[data-scenario="ready"], body[data-scenario="error"]', { timeout: 150_000 });
    console.log(`chengdu-center: scenario ready ${Date.now() - t0} ms after the feed flowed`);
    const st = await s.page.evaluate(() => window.twin!.scenario!.state());
    expect(st.status).toBe('ready');
    expect([st.scenario, st.variant, st.compare, st.timeS]).toEqual(['chengdu-center-rainstorm', 'drainage-upgrade', true, 2700]);
    expect(await s.page.locator('#view canvas').count()).toBeGreaterThan(0);
    expect(await s.page.locator('.sc-compare-right canvas').count()).toBeGreaterThan(0);
    // More drainage, less water: the variant is better on the peak depth.
    const depth = st.kpis!.find((r) => r.id === 'maxDepthM')!;
    expect(depth.values['drainage-upgrade']!).toBeLessThan(depth.values.baseline!);
    expect(await s.page.getAttribute('.sc-kpis tr[data-kpi="maxDepthM"] td[data-better]', 'data-better')).toBe('variant');
    // Both runs dispatched the shop fire from the city's real stations.
    const arrival = st.kpis!.find((r) => r.id === 'firstArrivalS')!;
    expect(arrival.values.baseline!).toBeGreaterThan(60);
    const layers = await s.page.evaluate(() => window.twin!.overlay!.ids().filter((id) => id.startsWith('scenario:')));
    expect(layers).toContain('scenario:dispatch-routes:lines');
    await s.page.locator('.sc-kpis').scrollIntoViewIfNeeded();
    await s.page.waitForTimeout(2000);
    await s.page.screenshot({ path: join(shots, 'chengdu-center-compare.png') });
  });

  it('lists an alert of a simulated sensor within seconds of an anomaly, marked simulated', async () => {
    expect(feed.registry.synthetic).toBe(true);
    expect(await s.page.getAttribute('body', 'data-sensors')).toBe('synthetic');
    const n = feed.registry.sensors.length;
    expect(await s.page.textContent('.rc-simulated')).toBe(`Simulated sensors: Central Chengdu (OpenStreetMap) has no sensor registry of its own; its ${n.toLocaleString('en')} sensors were placed by the simulator's rules, so these readings and alerts come from a simulation.`);
    const target = feed.registry.sensors.filter((x) => x.kind === 'fire_alarm')[3];
    expect(target.topic.startsWith(`city/${CITY}/`)).toBe(true);
    const client = await mqtt.connectAsync(feed.urls.ws, feed.authority.credentials('operator', `test-${Date.now()}`));
    const t0 = Date.now();
    await client.publishAsync('control/anomaly', JSON.stringify({ type: 'fire', sensorId: target.id, rampS: 0, durationS: 600 }), { qos: 1 });
    await client.endAsync();
    await s.page.waitForFunction((id) => {
      const a = window.twin!.signs!.alerts().openAlerts().find((x) => x.sensorId === id);
      return !!a && !!document.querySelector(`.rc-alerts li[data-id="${a.id}"][data-simulated="1"] .rc-simulated-tag`);
    }, target.id, { timeout: 15_000, polling: 100 });
    console.log(`chengdu-center: anomaly on ${target.id} -> alert listed (marked simulated) in ${Date.now() - t0} ms`);
    const id = await s.page.evaluate((sid) => window.twin!.signs!.alerts().openAlerts().find((x) => x.sensorId === sid)!.id, target.id);
    expect(await s.page.textContent(`.rc-alerts li[data-id="${id}"] .rc-simulated-tag`)).toBe('simulated');
    const t1 = Date.now();
    await s.page.click(`.rc-alerts li[data-id="${id}"] .rc-locate`);
    await s.page.waitForFunction((sid) => document.querySelector('#details h2')?.textContent === `Sensor ${sid} · simulated`, target.id, { timeout: 10_000 });
    console.log(`chengdu-center: the sensor's chart opened in ${Date.now() - t1} ms`);
    await s.page.waitForTimeout(1000);
    await s.page.screenshot({ path: join(shots, 'chengdu-center-alerts.png') });
  });

  it('shows the package on the wall', async () => {
    const wall = await s.context.newPage();
    const errors: string[] = [];
    wall.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    wall.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await wall.setViewportSize({ width: 960, height: 540 });
    await wall.goto(`${siteUrl}/?view=wall&city=${CITY}&feed=on&tour=0&fps=2`);
    await wall.waitForSelector('body[data-tilesets="loaded"]', { timeout: 90_000 });
    await wall.waitForTimeout(1500);
    await wall.screenshot({ path: join(shots, 'chengdu-center-wall.png') });
    await wall.close();
    expect(errors).toEqual([]);
  });

  it('made no request off its own origin and logged no console errors', () => {
    expect(s.offOrigin).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
