import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { preview, type PreviewServer } from 'vite';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SensorSimulator } from '../../src/feed/SensorSimulator';
import { loadFeedConfig } from '../../src/feed/config/parseFeedConfig';
import { Authority } from '../../src/server/Authority';
import { MosquittoDynsecGrants } from '../../src/server/grants/MosquittoDynsecGrants';
import { apiHandler } from '../../src/server/http/apiHandler';
import { SessionApi } from '../../src/server/http/SessionApi';
import { demoRegistry } from '../support/demoPackage';
import { freePort } from '../unit/signs/netUtil';
import { dynsecPlugin, hasMosquitto, MosquittoBroker } from '../unit/signs/mosquitto';
import { launchBrowser, type BrowserSession } from './launchBrowser';

const root = join(import.meta.dirname, '../..');
const cfg = loadFeedConfig();
const registry = await demoRegistry();
const fireAlarms = registry.sensors.filter((s) => s.kind === 'fire_alarm');

/** Opens the workspace logged in as `login` and waits until readings flow. */
async function openOn(baseUrl: string, login: { username: string; password: string }): Promise<BrowserSession> {
  const s = await launchBrowser(baseUrl, { width: 900, height: 640 }, login);
  await s.page.goto(`${baseUrl}/?fly=0`);
  await s.page.waitForFunction(() => (window.twin?.signs?.connection?.status.messages ?? 0) > 20, undefined, { timeout: 120_000 });
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
  // The list shows the hub's shared alerts where the session grants the hub, else this page's.
  await s.page.waitForFunction((id) => {
    const a = window.twin!.signs!.alerts().openAlerts().find((x) => x.sensorId === id);
    return !!a && !!document.querySelector(`.rc-alerts li[data-id="${a.id}"]`);
  }, sensorId, { timeout: 10_000, polling: 50 });
  const t = await s.page.evaluate(() => (window as unknown as { __t: Record<string, number> }).__t);
  const ms = Date.now() - t0;
  // A page that reads the hub gets no raw reading and runs no rules: the hub raised the alert it lists.
  const inPage = t.reading ? `reading in the page after ${t.reading - t0} ms, alert raised there after ${t.alert - t0} ms` : 'no raw reading in the page (it reads the hub)';
  console.log(`${inPage}, listed on screen after ${ms} ms`);
  return ms;
}

describe('Live vital signs in the workspace', () => {
  const baseUrl = inject('baseUrl');
  const feedUrl = inject('feedUrl');
  const logins = inject('logins');
  // Node-side clients of the test mint their tokens from the same data folder as the feed.
  const authority = new Authority({ dataDir: inject('dataDir'), roles: cfg.roles, cityId: registry.city, tokenTtlS: 600 });

  describe('on the embedded broker (aedes + simulator)', () => {
    let s: BrowserSession;
    beforeAll(async () => { mkdirSync(join(root, 'test-results'), { recursive: true }); s = await openOn(baseUrl, logins.viewer); });
    afterAll(async () => { await s?.close(); });

    it('shows an alert within 2 s of an anomaly sent on the control topic', async () => {
      const target = fireAlarms[7];
      const client = await mqtt.connectAsync(feedUrl, authority.credentials('operator', `test-${Date.now()}`));
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
      // The page reads the hub, so it takes a sensor's raw topic only while that sensor's chart is open.
      const target = fireAlarms[3];
      await s.page.evaluate((id) => window.twin!.signs!.chart(id), target.id);
      expect(await s.page.evaluate(() => window.twin!.signs!.connection!.topics.filter((t) => t.startsWith('city/')))).toEqual([target.topic]);
      const client = await mqtt.connectAsync(feedUrl, authority.credentials('sensor', `test-bad-${Date.now()}`));
      // Sent until counted: the subscription is made when the chart opens, its SUBACK not awaited.
      for (let k = 0; k < 20 && (await rejected()) < rejectedBefore + 4; k++) {
        for (const bad of ['{not json', '{"value":"hot"}', '[]', '']) await client.publishAsync(target.topic, bad, { qos: 1 });
        await s.page.waitForTimeout(250);
      }
      await client.endAsync();
      expect(await rejected()).toBeGreaterThanOrEqual(rejectedBefore + 4);
      expect(await s.page.evaluate(() => window.twin!.signs!.store.openAlerts().length)).toBeGreaterThanOrEqual(before);
      await s.page.evaluate(() => window.twin!.signs!.charts.close());
      expect(await s.page.evaluate(() => window.twin!.signs!.connection!.topics.filter((t) => t.startsWith('city/')))).toEqual([]);
    });

    it('made no request off its own origin (the feed is proxied at /mqtt) and logged no console errors', async () => {
      expect(s.offOrigin).toEqual([]);
      expect(s.errors).toEqual([]);
      const st = await s.page.evaluate(() => ({ ...window.twin!.signs!.connection!.status }));
      expect(st.url).toBe(`${baseUrl.replace(/^http/, 'ws')}/mqtt`);
      expect(st.clientId).toMatch(/^viewer:[a-z0-9]{12}$/);
    });
  });

  describe('log-in form and tabs', () => {
    let s: BrowserSession;
    beforeAll(async () => { s = await launchBrowser(baseUrl, { width: 900, height: 640 }); });
    afterAll(async () => { await s?.close(); });

    it('asks for a log-in, shows a refusal, then connects; a second tab of the same person gets its own client id', async () => {
      await s.page.goto(`${baseUrl}/?fly=0`);
      await s.page.waitForSelector('.login-panel form', { timeout: 120_000 });
      expect(await s.page.evaluate(() => window.twin!.signs!.connection)).toBeNull();
      await s.page.fill('.login-panel input[name=username]', logins.viewer.username);
      await s.page.fill('.login-panel input[name=password]', 'not the password');
      await s.page.click('.login-panel button[type=submit]');
      await s.page.waitForFunction(() => document.querySelector('.login-message')?.textContent === 'wrong user name or password');
      expect(await s.page.inputValue('.login-panel input[name=password]')).toBe('');
      await s.page.fill('.login-panel input[name=password]', logins.viewer.password);
      await s.page.click('.login-panel button[type=submit]');
      await s.page.waitForFunction(() => (window.twin?.signs?.connection?.status.messages ?? 0) > 20, undefined, { timeout: 60_000 });
      expect(await s.page.$('.login-panel')).toBeNull();
      const second = await s.context.newPage();
      await second.goto(`${baseUrl}/?fly=0`);
      await second.waitForFunction(() => (window.twin?.signs?.connection?.status.messages ?? 0) > 20, undefined, { timeout: 120_000 });
      const ids = await Promise.all([s.page, second].map((p) => p.evaluate(() => window.twin!.signs!.connection!.status.clientId)));
      expect(ids[0]).not.toBe(ids[1]);
      await second.waitForTimeout(1000);
      const connects = await Promise.all([s.page, second].map((p) => p.evaluate(() => window.twin!.signs!.connection!.status.connects)));
      expect(connects).toEqual([1, 1]);
      await second.close();
      expect(s.errors.filter((e) => !e.includes('401'))).toEqual([]);
    });
  });

  // Mosquitto checks no JWT: the session server gives each tab a short-lived dynamic-security client instead.
  describe.runIf(hasMosquitto() && !!dynsecPlugin())('on a real Mosquitto (dynamic security, grants from a session server)', () => {
    const admin = { username: 'rc-admin', password: `admin-${Date.now()}` };
    let broker: MosquittoBroker, grants: MosquittoDynsecGrants, api: Server, site: PreviewServer;
    let sim: SensorSimulator;
    let s: BrowserSession;
    beforeAll(async () => {
      broker = new MosquittoBroker(await freePort(), await freePort(), [], admin);
      await broker.start();
      grants = new MosquittoDynsecGrants(broker.urls.tcp, admin, authority);
      await grants.start();
      await grants.ensureService(authority.accounts.get('gateway')!, 'gateway-mosquitto', 'gateway:simulator');
      sim = new SensorSimulator({ registry, url: broker.urls.tcp, username: 'gateway', password: 'gateway-mosquitto', clientId: 'gateway:simulator', seed: 7, rateHz: 0, tickHz: 10, anomalyIntervalS: 1 });
      await sim.start();
      const session = new SessionApi({ authority, grants, origins: { allowedOrigins: [], allowedHosts: ['127.0.0.1'] }, feed: { url: broker.urls.ws, topics: cfg.display.topics.map((t) => t.replaceAll('{city}', registry.city)), qos: 1 } });
      api = createServer(apiHandler([(req, res) => session.handle(req, res)]));
      await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
      site = await preview({ root, logLevel: 'warn', preview: { port: 0, host: '127.0.0.1', proxy: { '/api/': { target: `http://127.0.0.1:${(api.address() as AddressInfo).port}` } } } });
      s = await openOn(site.resolvedUrls!.local[0].replace(/\/$/, ''), logins.viewer);
    });
    afterAll(async () => {
      await s?.close(); await sim?.stop(); await grants?.stop(); await site?.close();
      await new Promise((r) => api?.close(r)); await broker?.dispose();
    });

    it('shows an alert within 2 s of an anomaly', async () => {
      const target = fireAlarms[11];
      const ms = await alertLatencyMs(s, target.id, async () => { sim.trigger({ type: 'fire', sensorId: target.id, rampS: 0, durationS: 600 }); });
      console.log(`mosquitto: anomaly -> alert on screen in ${ms} ms`);
      expect(ms).toBeLessThan(2000);
      expect(s.errors).toEqual([]);
      expect(await s.page.evaluate(() => window.twin!.signs!.connection!.status.url)).toBe(broker.urls.ws);
    });
  });
});
