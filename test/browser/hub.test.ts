import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadFeedConfig } from '../../src/feed/config/parseFeedConfig';
import { Authority } from '../../src/server/Authority';
import { encodeReading } from '../../src/signs/schema/encodeReading';
import { demoRegistry } from '../support/demoPackage';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');
const cfg = loadFeedConfig();
const registry = await demoRegistry();

/** Opens the workspace logged in as `login` and waits until the hub's shared state flows. */
async function openOnHub(baseUrl: string, login: { username: string; password: string }): Promise<BrowserSession> {
  const s = await launchBrowser(baseUrl, { width: 1100, height: 720 }, login);
  await s.page.goto(`${baseUrl}/?fly=0`);
  await s.page.waitForSelector('body[data-alert-source="hub"]', { timeout: 120_000 });
  await s.page.waitForFunction(() => (window.twin?.signs?.hub.side?.state.statuses.size ?? 0) > 0, undefined, { timeout: 60_000 });
  return s;
}

describe('The operations hub seen from two displays', () => {
  const baseUrl = inject('baseUrl');
  const feedUrl = inject('feedUrl');
  const logins = inject('logins');
  const authority = new Authority({ dataDir: inject('dataDir'), roles: cfg.roles, cityId: registry.city, tokenTtlS: 600 });
  let a: BrowserSession, b: BrowserSession;

  beforeAll(async () => {
    mkdirSync(join(root, 'test-results'), { recursive: true });
    [a, b] = await Promise.all([openOnHub(baseUrl, logins.operator), openOnHub(baseUrl, logins.viewer)]);
  }, 240_000);
  afterAll(async () => { await a?.close(); await b?.close(); });

  it('lists the same shared alert on both; an acknowledgement in one shows in the other within 1 s', async () => {
    const target = registry.sensors.filter((x) => x.kind === 'fire_alarm')[11];
    const control = await mqtt.connectAsync(feedUrl, authority.credentials('operator', `hubtest-${Date.now()}`));
    await control.publishAsync('control/anomaly', JSON.stringify({ type: 'fire', sensorId: target.id, rampS: 0, durationS: 600 }), { qos: 1 });
    await control.endAsync();
    await Promise.all([a, b].map((s) => s.page.waitForFunction((id) => {
      const x = window.twin!.signs!.alerts().openAlerts().find((y) => y.sensorId === id);
      return !!x && !!document.querySelector(`.rc-alerts li[data-id="${x.id}"]`);
    }, target.id, { timeout: 15_000 })));
    const alertId = await a.page.evaluate((id) => window.twin!.signs!.alerts().openAlerts().find((x) => x.sensorId === id)!.id, target.id);
    expect(await b.page.evaluate((id) => window.twin!.signs!.alerts().openAlerts().find((x) => x.sensorId === id)?.id, target.id)).toBe(alertId);
    // The viewer's page says it may only view; the operator's list has the button.
    expect(await b.page.textContent('.rc-alert-source')).toContain('may only view');
    const t0 = Date.now();
    await a.page.click(`.rc-alerts li[data-id="${alertId}"] .rc-ack`);
    await b.page.waitForFunction((id) => {
      const x = window.twin!.signs!.hub.side!.state.alerts.get(id);
      return x?.state === 'acknowledged' && x.acknowledgedBy === 'operator';
    }, alertId, { timeout: 5000, polling: 20 });
    const ms = Date.now() - t0;
    console.log(`hub: acknowledged on one display, shown on the other after ${ms} ms`);
    expect(ms).toBeLessThan(1000);
    await b.page.screenshot({ path: join(root, 'test-results/hub-acknowledged-other-display.png') });
  });

  it('opens a sensor chart with 24 h of history from the hub\'s store', async () => {
    const sensor = registry.sensors.find((x) => x.kind === 'water_level')!;
    // Backfill a day of readings as the sensor gateway would after an outage: one every 30 min, 23.5 h to 0.5 h ago.
    const gw = await mqtt.connectAsync(feedUrl, authority.credentials('sensor', `hubtest-gw-${Date.now()}`));
    const now = Date.now();
    for (let k = 47; k >= 1; k--) await gw.publishAsync(sensor.topic, encodeReading(sensor.id, sensor.kind, now - k * 1_800_000, 1.2 + 0.3 * Math.sin(k / 5)), { qos: 1 });
    await gw.endAsync();
    await a.page.evaluate((id) => window.twin!.signs!.chart(id), sensor.id);
    await a.page.waitForSelector('.rc-history[data-state="drawn"][data-range="24h"]', { timeout: 15_000 });
    const shown = await a.page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.rc-history')!;
      return { points: Number(el.dataset.points), firstMs: Number(el.dataset.firstMs), note: el.querySelector('.rc-empty')!.textContent ?? '' };
    });
    // The page shows what the store answers for the same question.
    const api = await a.page.evaluate((id) => fetch(`/api/hub/sensors/${id}/series?range=24h`).then((r) => r.json()) as Promise<{ points: unknown[] }>, sensor.id);
    expect(shown.points).toBe(api.points.length);
    expect(shown.points).toBeGreaterThanOrEqual(40);
    expect(shown.firstMs).toBeLessThan(now - 22 * 3_600_000);
    expect(shown.note).toMatch(/buckets of 5 min \([0-9,]+ readings\) from the hub's store/);
    await a.page.click('.rc-history-ranges button:text("1 h")');
    await a.page.waitForSelector('.rc-history[data-state="drawn"][data-range="1h"]');
    await a.page.click('.rc-history-ranges button:text("24 h")');
    await a.page.waitForSelector('.rc-history[data-state="drawn"][data-range="24h"]');
    await a.page.screenshot({ path: join(root, 'test-results/hub-history-24h.png') });
    expect(a.errors).toEqual([]);
    expect(a.offOrigin).toEqual([]);
  });

  it('puts the city\'s vital signs, alert counts and the events ticker around the city on the commander\'s wall (1920x1080, 3840x2160)', async () => {
    // One wall page, shown at 1920x1080 and then resized to 3840x2160 (the panels size in vh).
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${baseUrl}/?view=wall&feed=on&tour=0&scale=0.5`);
    await page.waitForSelector('body[data-tilesets="loaded"]', { timeout: 120_000 });
    for (const [w, h] of [[1920, 1080], [3840, 2160]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForFunction(() => (window.twin?.command?.renders ?? 0) > 0 && [...document.querySelectorAll<HTMLElement>('.wall-vital')].filter((r) => r.dataset.state !== 'no-data').length >= 6, undefined, { timeout: 60_000 });
      const board = await page.evaluate(() => {
        const open = window.twin!.signs!.hub.side!.state.openAlerts();
        const cityTotal = document.querySelector('.wall-alert-counts tr[data-unit="city"] td:last-child')!.textContent;
        const vitals = [...document.querySelectorAll<HTMLElement>('.wall-vital')].map((r) => ({ kind: r.dataset.kind, state: r.dataset.state, value: r.querySelector('.wall-value')!.textContent }));
        const fontPx = parseFloat(getComputedStyle(document.querySelector('.wall-vital .wall-value')!).fontSize);
        return { open: open.length, cityTotal: Number(cityTotal), vitals, fontPx, ticker: document.querySelectorAll('.wall-ticker li').length };
      });
      console.log(`wall ${w}x${h}: ${board.vitals.map((v) => `${v.kind}=${v.value}(${v.state})`).join(', ')}; ${board.cityTotal} open alerts; values at ${board.fontPx} px`);
      expect(board.vitals.map((v) => v.kind)).toEqual(['water_level', 'rainfall', 'traffic_speed', 'air_quality', 'power_load', 'crowd_density', 'hotline_12345', 'fire_alarm']);
      expect(board.cityTotal).toBe(board.open);
      expect(board.vitals.find((v) => v.kind === 'fire_alarm')!.state).not.toBe('normal'); // the fire alarm raised above is still open
      expect(board.fontPx).toBeCloseTo(0.028 * h, 0);
      expect(board.ticker).toBeGreaterThan(0);
      await page.waitForTimeout(1500); // a few frames at the new size
      await page.screenshot({ path: join(root, `test-results/wall-command-${w}x${h}.png`) });
    }
    await page.close();
    expect(b.errors).toEqual([]);
  });
});
