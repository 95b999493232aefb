import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubState } from '../../../src/hub/client/HubState';
import { Hub } from '../../../src/hub/Hub';
import type { HubOptions } from '../../../src/hub/HubOptions';
import { encodeReading } from '../../../src/signs/schema/encodeReading';
import { hasMosquitto, MosquittoBroker } from '../signs/mosquitto';
import { freePort, waitFor } from '../signs/netUtil';
import { CITY, CITY_UNIT, DISTRICTS, REGISTRY, RULES, UNITS } from './hubKit';
import { hasNats, NatsCluster } from './natsCluster';

const HUB = { publish: ['hub/demo/#'], subscribe: ['city/#', 'hub/demo/commands/#', 'hub/demo/indicators/district/+', 'hub/demo/status/+'] };
const ACCOUNTS = [
  { username: 'hub', password: 'hub-mosquitto', ...HUB },
  { username: 'sensor', password: 'sensor-mosquitto', publish: ['city/#'], subscribe: [] },
  { username: 'viewer', password: 'viewer-mosquitto', publish: [], subscribe: ['hub/demo/#'] },
];

/** The same readings for both brokers: every sensor near its nominal value, 12 fire alarms and 3 high gauges among them. */
function readings(timeMs: number): Array<{ topic: string; payload: string; qos: 1 }> {
  const fires = REGISTRY.sensors.filter((s) => s.kind === 'fire_alarm').filter((_, i) => i % 37 === 0).slice(0, 12);
  const gauges = REGISTRY.sensors.filter((s) => s.kind === 'water_level').slice(0, 3);
  return REGISTRY.sensors.map((s, i) => {
    const value = fires.includes(s) ? 1 : gauges.includes(s) ? 4.6 : s.nominal * (1 + 0.05 * Math.sin(i));
    // QoS 1 for all: the comparison needs every reading on both sides, not a best effort.
    return { topic: s.topic, payload: encodeReading(s.id, s.kind, timeMs, value), qos: 1 };
  });
}

function hubOn(url: string, o: Partial<HubOptions> & { hubId: string }, password: string): Hub {
  return new Hub({
    cityId: CITY, cityUnitId: CITY_UNIT, districts: null, registry: REGISTRY, units: UNITS, rules: RULES, store: null,
    broker: { url, username: 'hub', password, clientId: `hub:${o.hubId}` }, publishMs: 250, intervalScale: 100, ...o,
  });
}

async function follow(url: string, username: string, password: string): Promise<{ client: MqttClient; state: HubState }> {
  const state = new HubState(CITY);
  const client = await mqtt.connectAsync(url, { username, password, clientId: `viewer:${Math.random().toString(36).slice(2, 8)}`, protocolVersion: 4 });
  client.on('message', (t, p) => state.ingest(t, p));
  await client.subscribeAsync([state.topics.alertFilter, state.topics.indicatorFilter], { qos: 1 });
  return { client, state };
}

const complete = (s: HubState) => {
  const c = s.indicators.get('city');
  return !!c && s.indicators.size === 1 + DISTRICTS.length * 4 && c.fresh.reduce((n, f) => n + f[0], 0) === REGISTRY.sensors.length;
};

describe.skipIf(!hasNats() || !hasMosquitto())('two hubs by district on a 3-node NATS cluster = one hub on Mosquitto', () => {
  let nats: NatsCluster, mosq: MosquittoBroker;
  const hubs: Hub[] = [];
  const clients: MqttClient[] = [];
  beforeAll(async () => {
    nats = new NatsCluster();
    // A hub takes bursts: Mosquitto's default queue (1000 messages past 20 in flight) would drop them.
    mosq = new MosquittoBroker(await freePort(), await freePort(), ACCOUNTS, undefined, ['max_queued_messages 200000', 'max_inflight_messages 100']);
    await Promise.all([nats.start(), mosq.start()]);
  }, 150_000);
  afterAll(async () => {
    for (const c of clients) await c.endAsync(true);
    for (const h of hubs) await h.stop();
    await nats?.stop();
    await mosq?.dispose();
  });

  it('gives equal indicator tables (every tier and district, and the city tier) and equal alert sets', async () => {
    const solo = hubOn(mosq.urls.tcp, { hubId: 'solo' }, 'hub-mosquitto');
    const a = hubOn(nats.url(0), { hubId: 'hub-a', districts: DISTRICTS.slice(0, 3), aggregator: true }, 'x');
    const b = hubOn(nats.url(1), { hubId: 'hub-b', districts: DISTRICTS.slice(3), aggregator: false }, 'x');
    hubs.push(solo, a, b);
    await Promise.all(hubs.map((h) => h.start()));
    const one = await follow(mosq.urls.tcp, 'viewer', 'viewer-mosquitto');
    const two = await follow(nats.url(2), 'viewer', 'x');
    const pubM = await mqtt.connectAsync(mosq.urls.tcp, { username: 'sensor', password: 'sensor-mosquitto', clientId: 'sensor:pub', protocolVersion: 4 });
    const pubN = await mqtt.connectAsync(nats.url(2), { clientId: 'sensor:pub', protocolVersion: 4 });
    clients.push(one.client, two.client, pubM, pubN);
    const msgs = readings(Date.now() - 5000);
    const t0 = Date.now();
    for (const m of msgs) { pubM.publish(m.topic, m.payload, { qos: m.qos }); pubN.publish(m.topic, m.payload, { qos: m.qos }); }
    try {
      await waitFor(() => solo.signs.ingestor.counts[0] === msgs.length && a.signs.ingestor.counts[0] + b.signs.ingestor.counts[0] === msgs.length, 60_000, 'every reading at the hubs');
    } finally {
      console.log(`readings at the hubs: solo ${solo.signs.ingestor.counts[0]}, hub-a ${a.signs.ingestor.counts[0]}, hub-b ${b.signs.ingestor.counts[0]} of ${msgs.length}`);
    }
    await waitFor(() => complete(one.state) && complete(two.state), 30_000, 'complete indicator tables on both sides');
    console.log(`${msgs.length} readings through 1 hub on Mosquitto and 2 hubs on NATS (${a.signs.sensors.length} + ${b.signs.sensors.length} sensors) in ${Date.now() - t0} ms`);
    const table = (s: HubState) => [...s.indicators.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([k, m]) => [k, m.units, m.values, m.fresh, m.stale]);
    expect(table(two.state)).toEqual(table(one.state));
    await waitFor(() => one.state.alerts.size === 15 && two.state.alerts.size === 15, 10_000, '15 alerts on both sides');
    const alertSet = (s: HubState) => [...s.alerts.values()].map((x) => `${x.id} ${x.state} ${x.severity}`).sort();
    expect(alertSet(two.state)).toEqual(alertSet(one.state));
    expect(new Set([...two.state.alerts.values()].map((x) => x.hubId))).toEqual(new Set(['hub-a', 'hub-b']));
  });
});
