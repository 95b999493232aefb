import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SensorSimulator } from '../../src/feed/SensorSimulator';
import { defaultFeedConfig } from '../../src/signs/connection/FeedConfig';
import { demoRegistry } from '../support/demoPackage';
import { freePort } from '../unit/signs/netUtil';
import { hasMosquitto, MosquittoBroker } from '../unit/signs/mosquitto';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');
const cfg = defaultFeedConfig();
const registry = await demoRegistry();
const fireAlarms = registry.sensors.filter((s) => s.kind === 'fire_alarm');

/** Opens the workspace on a feed and waits until readings flow. */
async function openOn(baseUrl: string, feedUrl: string): Promise<BrowserSession> {
  const s = await launchBrowser(baseUrl, { width: 900, height: 640 });
  await s.page.goto(`${baseUrl}/?fly=0&feed=${encodeURIComponent(feedUrl)}`);
  await s.page.waitForFunction(() => (window.twin?.signs?.connection.status.messages ?? 0) > 20, undefined, { timeout: 120_000 });
  // Steady state: the city model (address index, hierarchy) is built on the main thread at start-up.
  await s.page.waitForSelector('body[data-twin-model="ready"]', { timeout: 120_000 });
  await s.page.waitForSelector('body[data-dispatch="ready"]', { timeout: 120_000 });
  return s;
}

/** Milliseconds from `trigger()` until an alert of `sensorId` is listed on screen. */
async function alertLatencyMs(s: BrowserSession, sensorId: string, trigger: () => Promise<void>): Promise<number> {
  await s.page.evaluate((id) => {
    const w = window as unknown as { __t: Record<string, number> };
    w.__t = {};
    window.twin!.signs!.store.events.subscribe('reading', (e) => { if (e.sensorId === id && !w.__t.reading) w.__t.reading = Date.now(); });
    window.twin!.signs!.store.events.subscribe('alert', (e) => { if (e.alert.sensorId === id && !w.__t.alert) w.__t.alert = Date.now(); });
  }, sensorId);
  const t0 = Date.now();
  await trigger();
  await s.page.waitForFunction((id) => {
    const a = window.twin!.signs!.store.openAlerts().find((x) => x.sensorId === id);
    return !!a && !!document.querySelector(`.rc-alerts li[data-id="${a.id}"]`);
  }, sensorId, { timeout: 10_000, polling: 50 });
  const t = await s.page.evaluate(() => (window as unknown as { __t: Record<string, number> }).__t);
  const ms = Date.now() - t0;
  console.log(`reading in the page after ${t.reading - t0} ms, alert raised after ${t.alert - t0} ms, listed on screen after ${ms} ms`);
  return ms;
}

describe('Live vital signs in the workspace', () => {
  const baseUrl = inject('baseUrl');
  const feedUrl = inject('feedUrl');

  describe('on the embedded broker (aedes + simulator)', () => {
    let s: BrowserSession;
    beforeAll(async () => { mkdirSync(join(root, 'test-results'), { recursive: true }); s = await openOn(baseUrl, feedUrl); });
    afterAll(async () => { await s?.close(); });

    it('shows an alert within 2 s of an anomaly sent on the control topic', async () => {
      const target = fireAlarms[7];
      const op = cfg.accounts.operator;
      const client = await mqtt.connectAsync(feedUrl, { username: op.username, password: op.password, clientId: `test-op-${Date.now()}` });
      const ms = await alertLatencyMs(s, target.id, async () => {
        await client.publishAsync('control/anomaly', JSON.stringify({ type: 'fire', sensorId: target.id, rampS: 0, durationS: 600 }), { qos: 1 });
      });
      await client.endAsync();
      console.log(`embedded broker: anomaly -> alert on screen in ${ms} ms`);
      expect(ms).toBeLessThan(2000);
      await s.page.screenshot({ path: join(root, 'test-results/signs-alert.png') });
    });

    it('opens the sensor chart from the alert, colours buildings by a live indicator with a legend', async () => {
      await s.page.locator('.rc-alerts li .rc-locate').first().click();
      await s.page.waitForSelector('.u-wrap, .uplot', { timeout: 10_000 });
      await s.page.selectOption('#color-by', 'live:air_quality');
      await s.page.waitForSelector('.legend:not([hidden]) li');
      expect(await s.page.textContent('.legend h3')).toContain('µg/m³');
      await s.page.waitForTimeout(1500);
      await s.page.screenshot({ path: join(root, 'test-results/signs-live-layer.png') });
    });

    it('counts and drops malformed messages without losing what it holds', async () => {
      const before = await s.page.evaluate(() => window.twin!.signs!.store.openAlerts().length);
      const rejected = () => s.page.evaluate(() => Array.from(window.twin!.signs!.store.ingestor.counts).slice(1).reduce((a, b) => a + b, 0));
      const rejectedBefore = await rejected();
      const sensor = cfg.accounts.sensor;
      const client = await mqtt.connectAsync(feedUrl, { username: sensor.username, password: sensor.password, clientId: `test-bad-${Date.now()}` });
      const topic = fireAlarms[3].topic;
      for (const bad of ['{not json', '{"value":"hot"}', '[]', '']) await client.publishAsync(topic, bad, { qos: 1 });
      await client.endAsync();
      await s.page.waitForFunction((n) => Array.from(window.twin!.signs!.store.ingestor.counts).slice(1).reduce((a, b) => a + b, 0) >= n + 4, rejectedBefore, { timeout: 10_000 });
      expect(await s.page.evaluate(() => window.twin!.signs!.store.openAlerts().length)).toBeGreaterThanOrEqual(before);
    });

    it('made no request off its own origin or feed and logged no console errors', () => {
      const feedOrigin = new URL(feedUrl).host;
      expect(s.offOrigin.filter((u) => new URL(u).host !== feedOrigin)).toEqual([]);
      expect(s.errors).toEqual([]);
    });
  });

  describe.runIf(hasMosquitto())('on a real Mosquitto', () => {
    let broker: MosquittoBroker;
    let sim: SensorSimulator;
    let s: BrowserSession;
    beforeAll(async () => {
      broker = new MosquittoBroker(await freePort(), await freePort(), cfg.accounts);
      await broker.start();
      sim = new SensorSimulator({
        registry, url: broker.urls.tcp, username: cfg.accounts.sensor.username, password: cfg.accounts.sensor.password,
        seed: 7, rateHz: 0, tickHz: 10, anomalyIntervalS: 1,
      });
      await sim.start();
      s = await openOn(baseUrl, broker.urls.ws);
    });
    afterAll(async () => { await s?.close(); await sim?.stop(); await broker?.dispose(); });

    it('shows an alert within 2 s of an anomaly', async () => {
      const target = fireAlarms[11];
      const ms = await alertLatencyMs(s, target.id, async () => { sim.trigger({ type: 'fire', sensorId: target.id, rampS: 0, durationS: 600 }); });
      console.log(`mosquitto: anomaly -> alert on screen in ${ms} ms`);
      expect(ms).toBeLessThan(2000);
      expect(s.errors).toEqual([]);
    });
  });
});
