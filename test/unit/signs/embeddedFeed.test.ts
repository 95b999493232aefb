import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedBroker } from '../../../src/feed/EmbeddedBroker';
import { startFeed, type Feed } from '../../../src/feed/startFeed';
import { demoModel } from '../../support/demoPackage';
import { SignsConnection } from '../../../src/signs/connection/SignsConnection';
import { defaultRules } from '../../../src/signs/rules/defaultRules';
import { SENSOR_KINDS } from '../../../src/signs/schema/sensorKinds';
import { SignsStore } from '../../../src/signs/SignsStore';
import { CONTROL_ANOMALY_TOPIC, cityTopicFilter } from '../../../src/signs/topics';
import { brokerOptions, tempDataDir, testAuthority, type TestAccounts } from './feedTestKit';
import { freePort, waitFor } from './netUtil';
import { restartScenario } from './restartScenario';

const data = tempDataDir();
afterAll(() => data.remove());

describe('embedded feed (aedes + simulator)', () => {
  let feed: Feed, store: SignsStore, conn: SignsConnection, accounts: TestAccounts;
  beforeAll(async () => {
    accounts = (await testAuthority(data.dir)).accounts;
    feed = await startFeed({ port: 0, wsPort: 0, seed: 7, dataDir: data.dir });
    store = new SignsStore({ registry: feed.registry, units: (await demoModel()).units, rules: defaultRules(), intervalScale: feed.intervalScale });
    conn = new SignsConnection({ url: feed.urls.ws, ...accounts.display('test'), topics: [cityTopicFilter('demo')] }, (t, p) => store.ingest(t, p));
    conn.connect();
    await waitFor(() => store.ingestor.counts[0] >= feed.registry.sensors.length, 10_000, 'a first reading from every sensor');
  });
  afterAll(async () => {
    await conn?.dispose();
    await feed?.stop();
    store?.dispose();
  });

  it('carries simulator readings over WebSocket into indicators for every kind, none malformed', () => {
    const tick = store.tick();
    expect(tick.staleCount).toBe(0);
    const city = store.units.indexOf('510100');
    for (const [k, kind] of SENSOR_KINDS.entries()) expect(store.indicators.value(k, city), kind).not.toBeNaN();
    const totals = store.ingestor.totals();
    const bad = Object.entries(totals).filter(([r, n]) => r !== 'accepted' && r !== 'duplicate' && n > 0);
    expect(bad).toEqual([]);
    expect(conn.status).toMatchObject({ state: 'connected', connects: 1, sessionPresent: false, lastError: null });
  });

  it('raises an alert within 2 s of an injected anomaly (simulator -> broker -> client -> rules)', async () => {
    const target = feed.registry.sensors.find((s) => s.kind === 'fire_alarm' && s.districtId === '510104')!;
    const t0 = Date.now();
    feed.triggerAnomaly({ type: 'fire', buildingId: target.buildingId! });
    await waitFor(() => store.openAlerts().some((a) => a.sensorId === target.id), 2000, 'the fire alarm alert');
    const alert = store.openAlerts().find((a) => a.sensorId === target.id)!;
    expect(alert).toMatchObject({ ruleId: 'fire_alarm.active', severity: 'red', buildingId: target.buildingId, label: target.label });
    console.log(`fire alert on the display ${Date.now() - t0} ms after the trigger`);
  });

  it('takes anomalies from the operator on control/anomaly, and reports bad ones', async () => {
    const errors: string[] = [];
    feed.simulator!.events.subscribe('controlError', (e) => errors.push(e.message));
    const op = mqtt.connect(feed.urls.tcp, accounts.operator('test'));
    try {
      await waitFor(() => op.connected, 5000, 'operator to connect');
      await op.publishAsync(CONTROL_ANOMALY_TOPIC, JSON.stringify({ type: 'volcano' }), { qos: 1 });
      await op.publishAsync(CONTROL_ANOMALY_TOPIC, JSON.stringify({ type: 'crowd_surge', rampS: 0, intensity: 1 }), { qos: 1 });
      await waitFor(() => store.openAlerts().some((a) => a.ruleId === 'crowd_density.crush'), 3000, 'the crowd crush alert');
      expect(errors).toEqual([`${CONTROL_ANOMALY_TOPIC}: type: expected one of rainstorm|traffic_jam|air_pollution|power_surge|crowd_surge|fire|hotline_spike, got "volcano"`]);
    } finally {
      await op.endAsync(true);
    }
  });

  it('keeps the display account read-only: its publish closes its connection and reaches nobody', async () => {
    const rogue = mqtt.connect(feed.urls.ws, { ...accounts.display('rogue'), reconnectPeriod: 0 });
    const before = store.ingestor.totals();
    const refusedBefore = feed.broker.refusals.refusedPublishes;
    try {
      await waitFor(() => rogue.connected, 5000, 'rogue display to connect');
      const sensor = feed.registry.sensors[0];
      rogue.publish(sensor.topic, JSON.stringify({ id: sensor.id, kind: sensor.kind, timeMs: Date.now(), value: 29, unit: 'm' }), { qos: 1 });
      await waitFor(() => !rogue.connected, 3000, 'the broker to close the rogue connection');
      expect(feed.broker.refusals.refusedPublishes).toBe(refusedBefore + 1);
      expect(store.openAlerts().some((a) => a.sensorId === sensor.id)).toBe(false);
      expect(store.ingestor.totals().unknown_sensor).toBe(before.unknown_sensor);
    } finally {
      await rogue.endAsync(true);
    }
  });

  it('refuses a subscription outside the account and a wrong password', async () => {
    const c = new SignsConnection({ url: feed.urls.ws, ...accounts.display('nosy'), topics: ['control/#'] }, () => {});
    c.connect();
    await waitFor(() => c.status.lastError !== null, 3000, 'the refused subscription');
    expect(c.status.lastError).toMatch(/^subscribe to control\/# refused by the broker/);
    await c.dispose();
    const bad = mqtt.connect(feed.urls.tcp, { ...accounts.display('guess'), password: 'guess', reconnectPeriod: 0 });
    const err = await new Promise<Error>((r) => bad.once('error', r));
    expect(err.message).toMatch(/Bad username or password|Not authorized/i);
    await bad.endAsync(true);
  });
});

describe('a display that reads the hub (embedded feed)', () => {
  let feed: Feed, accounts: TestAccounts;
  beforeAll(async () => {
    accounts = (await testAuthority(data.dir)).accounts;
    feed = await startFeed({ port: 0, wsPort: 0, seed: 8, dataDir: data.dir });
  });
  afterAll(async () => { await feed?.stop(); });

  it('takes one sensor\'s raw topic only while asked, and drops the raw filter a kept session still held', async () => {
    const raw = cityTopicFilter('demo');
    // An earlier page of this client id (no hub then) left its raw subscription in the kept session.
    const before = new SignsConnection({ url: feed.urls.ws, ...accounts.display('kept'), topics: [raw] }, () => {});
    before.connect();
    await waitFor(() => before.status.messages > 0, 10_000, 'raw readings on the first page');
    await before.dispose();
    const got: string[] = [];
    const conn = new SignsConnection({ url: feed.urls.ws, ...accounts.display('kept'), topics: ['hub/demo/summary'], dropTopics: [raw] }, (t) => got.push(t));
    /** Waits until nothing arrived for `quietMs` (at most 15 s: what a kept session queued, or what was in flight, drains first), then forgets it. */
    const settle = async (quietMs: number) => {
      const until = Date.now() + 15_000;
      let seen = -1;
      while (seen !== got.length && Date.now() < until) { seen = got.length; await new Promise((r) => setTimeout(r, quietMs)); }
      got.length = 0;
    };
    try {
      conn.connect();
      await waitFor(() => conn.status.state === 'connected', 5000, 'the hub page to connect');
      expect(conn.status.sessionPresent).toBe(true);
      await settle(1000); // what the kept session queued while away arrives first (slow on a loaded machine)
      await new Promise((r) => setTimeout(r, 1500));
      expect(got.filter((t) => t.startsWith('city/'))).toEqual([]);
      const sensor = feed.registry.sensors.find((x) => x.kind === 'traffic_speed')!;
      conn.addTopics([sensor.topic, sensor.topic]);
      expect(conn.topics).toEqual(['hub/demo/summary', sensor.topic]);
      await waitFor(() => got.includes(sensor.topic), 10_000, `readings of ${sensor.id} while its chart is open`);
      expect(new Set(got)).toEqual(new Set([sensor.topic]));
      conn.removeTopics([sensor.topic]);
      await settle(500);
      await new Promise((r) => setTimeout(r, 1500));
      expect(got).toEqual([]);
      // A topic a configured filter covers is not subscribed twice (its readings would come twice).
      const wide = new SignsConnection({ url: feed.urls.ws, ...accounts.display('wide'), topics: [raw] }, () => {});
      wide.addTopics([sensor.topic]);
      expect(wide.topics).toEqual([raw]);
      await wide.dispose();
    } finally {
      await conn.dispose();
    }
  });
});

describe('embedded broker restart (aedes, same persistence)', () => {
  it('delivers every QoS 1 alarm published while it was down to the persistent-session display, and readings resume', async () => {
    const ports = { tcpPort: await freePort(), wsPort: await freePort() };
    const { authority, accounts } = await testAuthority(data.dir, undefined, 'tiny');
    let broker: EmbeddedBroker | null = await EmbeddedBroker.start(brokerOptions(authority, ports));
    let persistence: unknown = broker.persistence;
    const restartable = {
      urls: broker.urls,
      async stop() { persistence = broker!.persistence; await broker!.stop(); broker = null; },
      async start() { broker = await EmbeddedBroker.start(brokerOptions(authority, ports, persistence)); },
    };
    try {
      const r = await restartScenario(restartable, accounts);
      console.log(`aedes restart: ${JSON.stringify(r)}`);
    } finally {
      await broker?.stop();
    }
  });
});

describe('SignsConnection against a broker that lost its session', () => {
  it('backs off while the broker is down, subscribes again on a fresh session and readings resume', async () => {
    const ports = { tcpPort: await freePort(), wsPort: await freePort() };
    const { authority, accounts } = await testAuthority(data.dir);
    let broker = await EmbeddedBroker.start(brokerOptions(authority, ports));
    const got: string[] = [];
    const conn = new SignsConnection({ url: broker.urls.ws, ...accounts.display('fresh'), topics: [cityTopicFilter('demo')], reconnectMinMs: 100, reconnectMaxMs: 400 }, (t) => got.push(t));
    const retries: number[] = [];
    conn.events.subscribe('status', (s) => { if (s.reconnectAttempts > retries.length && s.nextRetryMs !== null) retries.push(s.nextRetryMs); });
    const sensor = mqtt.connect(broker.urls.tcp, { ...accounts.sensor('fresh'), reconnectPeriod: 100 });
    sensor.on('error', () => {});
    try {
      conn.connect();
      await waitFor(() => { sensor.publish('city/demo/D/water_level/WL-1', 'a'); return got.length > 0; }, 5000, 'the first message');
      await broker.stop();
      await new Promise((r) => setTimeout(r, 1500));
      broker = await EmbeddedBroker.start(brokerOptions(authority, ports));
      const before = got.length;
      await waitFor(() => { if (sensor.connected) sensor.publish('city/demo/D/water_level/WL-1', 'b'); return got.length > before; }, 5000, 'messages after the restart');
      expect(conn.status).toMatchObject({ connects: 2, sessionPresent: false, state: 'connected', lastError: null });
      expect(retries.length).toBeGreaterThanOrEqual(3);
      expect(retries.slice(0, 3)).toEqual([200, 400, 400]);
    } finally {
      await conn.dispose();
      await sensor.endAsync(true);
      await broker.stop();
    }
  });
});
