/**
 * Operations hub: (1) readings per second through the hub into its store (broker -> hub ingest ->
 * PGlite), for 10^5 simulated sensors, one hub and two hubs by district (each its own process and
 * PGlite), beside a peer: the same readings through the browser-side ingest (SignsStore.ingest)
 * in this process, and the broker alone (a plain subscriber counting them). (2) Sensor -> alert on a display (hub/<city>/alerts/<id> received), p50/p99,
 * beside a peer display that runs the rules itself on the raw topics (the pre-hub path).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { EmbeddedBroker } from '../src/feed/EmbeddedBroker';
import { HubState } from '../src/hub/client/HubState';
import { Hub } from '../src/hub/Hub';
import { defaultRules } from '../src/signs/rules/defaultRules';
import { encodeReading } from '../src/signs/schema/encodeReading';
import { cityTopicFilter } from '../src/signs/topics';
import { SignsStore } from '../src/signs/SignsStore';
import { demoModel, demoRegistry } from '../test/support/demoPackage';
import { addHubAccounts } from '../test/unit/hub/hubKit';
import { brokerOptions, tempDataDir, testAuthority } from '../test/unit/signs/feedTestKit';
import { scaledRegistry } from './scaledRegistry';

// RC_BENCH_HUB_SENSORS shrinks the city for a quick check of the bench itself.
const SENSORS = Number(process.env.RC_BENCH_HUB_SENSORS ?? 100_000), PER_SENSOR = 2;
const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const root = join(import.meta.dirname, '..');

async function messages(): Promise<{ topics: string[]; payloads: Buffer[] }> {
  const reg = await scaledRegistry(SENSORS), t0 = Date.now() - 10 * 60_000, topics: string[] = [], payloads: Buffer[] = [];
  for (let k = 0; k < PER_SENSOR; k++) {
    for (const [i, s] of reg.sensors.entries()) {
      topics.push(s.topic);
      payloads.push(Buffer.from(encodeReading(s.id, s.kind, t0 + k * 30_000 + (i % 1000), s.nominal)));
    }
  }
  return { topics, payloads };
}

/** Splits the districts into `n` groups of about equal sensor counts. */
async function splitDistricts(n: number): Promise<string[][]> {
  const counts = new Map<string, number>();
  for (const s of (await scaledRegistry(SENSORS)).sensors) counts.set(s.districtId, (counts.get(s.districtId) ?? 0) + 1);
  const groups = Array.from({ length: n }, () => ({ ids: [] as string[], total: 0 }));
  for (const [d, c] of [...counts].sort((a, b) => b[1] - a[1])) {
    const g = groups.reduce((a, b) => (b.total < a.total ? b : a));
    g.ids.push(d); g.total += c;
  }
  return groups.map((g) => g.ids.sort());
}

function spawnHub(args: object, onLine: (o: { hubId: string; accepted: number; written: number }) => void): ChildProcess {
  const p = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'bench/hubWorker.ts'), JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let buf = '';
  p.stdout!.on('data', (d) => { buf += d; let i; while ((i = buf.indexOf('\n')) >= 0) { onLine(JSON.parse(buf.slice(0, i))); buf = buf.slice(i + 1); } });
  return p;
}

async function throughput(broker: EmbeddedBroker, tokenFor: (hubId: string) => string, sensorCreds: { username: string; password: string; clientId: string }, groups: Array<string[] | null>, dir: string, m: { topics: string[]; payloads: Buffer[] }) {
  const state = new Map<string, { accepted: number; written: number }>();
  const procs = groups.map((districts, i) => spawnHub({ url: broker.urls.tcp, password: tokenFor(`bench-${groups.length}-${i}`), hubId: `bench-${groups.length}-${i}`, districts, sensors: SENSORS, dataDir: join(dir, `pglite-${groups.length}-${i}`), aggregator: i === 0 }, (o) => state.set(o.hubId, o)));
  try {
    const t = Date.now();
    while (state.size < groups.length) { if (Date.now() - t > 180_000) throw new Error('hubs did not start within 180 s'); await new Promise((r) => setTimeout(r, 200)); }
    await new Promise((r) => setTimeout(r, 1500));
    const pub = await mqtt.connectAsync(broker.urls.tcp, { ...sensorCreds, protocolVersion: 4 });
    const t0 = performance.now();
    for (let i = 0; i < m.topics.length; i++) {
      pub.publish(m.topics[i], m.payloads[i], { qos: 0 });
      if (i % 2000 === 1999) await new Promise((r) => setImmediate(r));
    }
    const total = () => [...state.values()].reduce((a, s) => ({ accepted: a.accepted + s.accepted, written: a.written + s.written }), { accepted: 0, written: 0 });
    while (total().written < m.topics.length) {
      if (performance.now() - t0 > 300_000) throw new Error(`only ${JSON.stringify(total())} of ${m.topics.length} readings after 300 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    await pub.endAsync();
    return { hubs: groups.length, districts: groups, readings: m.topics.length, seconds: +seconds.toFixed(2), readingsPerS: Math.round(m.topics.length / seconds) };
  } finally {
    await Promise.all(procs.map((p) => new Promise<void>((r) => { if (p.exitCode !== null) return r(); p.once('exit', () => r()); p.kill('SIGTERM'); })));
  }
}

/** The broker alone: a plain subscriber counting the same readings (what any hub count is bounded by here). */
async function brokerOnly(broker: EmbeddedBroker, creds: { sub: { username: string; password: string; clientId: string }; pub: { username: string; password: string; clientId: string } }, city: string, m: { topics: string[]; payloads: Buffer[] }) {
  const sub = await mqtt.connectAsync(broker.urls.tcp, { ...creds.sub, protocolVersion: 4 });
  let n = 0;
  sub.on('message', () => { n++; });
  await sub.subscribeAsync(cityTopicFilter(city), { qos: 0 });
  const pub = await mqtt.connectAsync(broker.urls.tcp, { ...creds.pub, protocolVersion: 4 });
  const t0 = performance.now();
  for (let i = 0; i < m.topics.length; i++) {
    pub.publish(m.topics[i], m.payloads[i], { qos: 0 });
    if (i % 2000 === 1999) await new Promise((r) => setImmediate(r));
  }
  while (n < m.topics.length && performance.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 50));
  const seconds = (performance.now() - t0) / 1000;
  await pub.endAsync(); await sub.endAsync();
  return { path: 'publisher -> embedded aedes -> a plain subscriber (no hub)', received: n, readingsPerS: Math.round(n / seconds) };
}

async function peerIngest(m: { topics: string[]; payloads: Buffer[] }) {
  const city = await demoModel();
  const store = new SignsStore({ registry: await scaledRegistry(SENSORS), units: city.units, rules: defaultRules(), historyS: 900, burstSlots: 64, intervalScale: 100 });
  const t0 = performance.now();
  for (let i = 0; i < m.topics.length; i++) store.ingest(m.topics[i], m.payloads[i]);
  const seconds = (performance.now() - t0) / 1000;
  return { path: 'browser-side ingest (SignsStore.ingest, same process, no broker, no store)', readings: m.topics.length, readingsPerS: Math.round(m.topics.length / seconds), accepted: store.ingestor.counts[0] };
}

/** Sensor -> alert on a display through the hub, and through a display running the rules itself. */
async function alertLatency(broker: EmbeddedBroker, authority: Awaited<ReturnType<typeof testAuthority>>['authority']) {
  const city = await demoModel(), registry = await demoRegistry();
  const hub = new Hub({
    cityId: registry.city, cityUnitId: '510100', hubId: 'latency', districts: null, registry, units: city.units, rules: defaultRules(), store: null,
    broker: { url: broker.urls.tcp, username: 'hub', password: () => authority.credentials('hub', 'latency').password, clientId: 'hub:latency' },
  });
  await hub.start();
  const state = new HubState(registry.city);
  const viaHub = await mqtt.connectAsync(broker.urls.ws, { ...authority.credentials('viewer', 'lat-hub'), protocolVersion: 4 });
  const seen = new Map<string, number>();
  viaHub.on('message', (t, p) => { if (state.ingest(t, p)) for (const a of state.alerts.values()) if (!seen.has(a.sensorId)) seen.set(a.sensorId, performance.now()); });
  await viaHub.subscribeAsync(state.topics.alertFilter, { qos: 1 });
  const local = new SignsStore({ registry, units: city.units, rules: defaultRules() });
  const seenLocal = new Map<string, number>();
  local.events.subscribe('alert', ({ alert }) => { if (!seenLocal.has(alert.sensorId)) seenLocal.set(alert.sensorId, performance.now()); });
  const raw = await mqtt.connectAsync(broker.urls.ws, { ...authority.credentials('viewer', 'lat-raw'), protocolVersion: 4 });
  raw.on('message', (t, p) => local.ingest(t, p));
  await raw.subscribeAsync(cityTopicFilter(registry.city), { qos: 1 });
  const pub = await mqtt.connectAsync(broker.urls.tcp, { ...authority.credentials('sensor', 'lat-pub'), protocolVersion: 4 });
  const fires = registry.sensors.filter((s) => s.kind === 'fire_alarm').slice(0, 60);
  const hubMs: number[] = [], peerMs: number[] = [];
  for (const f of fires) {
    const t0 = performance.now();
    await pub.publishAsync(f.topic, encodeReading(f.id, f.kind, Date.now(), 1), { qos: 1 });
    const until = t0 + 5000;
    while ((!seen.has(f.id) || !seenLocal.has(f.id)) && performance.now() < until) await new Promise((r) => setTimeout(r, 2));
    if (seen.has(f.id)) hubMs.push(seen.get(f.id)! - t0);
    if (seenLocal.has(f.id)) peerMs.push(seenLocal.get(f.id)! - t0);
  }
  await pub.endAsync(); await viaHub.endAsync(); await raw.endAsync(); await hub.stop(); local.dispose();
  const r = (xs: number[]) => ({ samples: xs.length, p50: +quantile(xs, 0.5).toFixed(1), p99: +quantile(xs, 0.99).toFixed(1) });
  return { sensorToAlertOnDisplayMs: { viaHub: r(hubMs), peerDisplayRunningRules: r(peerMs) }, ratioP50: +(quantile(hubMs, 0.5) / quantile(peerMs, 0.5)).toFixed(2) };
}

export async function run(): Promise<object> {
  const data = tempDataDir('rc-bench-hub-');
  const { authority, accounts } = await testAuthority(data.dir);
  await addHubAccounts(authority, 'x', 'y');
  const broker = await EmbeddedBroker.start({ ...brokerOptions(authority, { tcpPort: 0, wsPort: 0 }), limits: { ...brokerOptions(authority, { tcpPort: 0, wsPort: 0 }).limits, connectTimeoutMs: 60_000 } });
  try {
    const m = await messages();
    const peer = await peerIngest(m);
    const tokenFor = (hubId: string) => authority.credentials('hub', hubId, 3600).password;
    const one = await throughput(broker, tokenFor, accounts.sensor('bench-1'), [null], data.dir, m);
    const two = await throughput(broker, tokenFor, accounts.sensor('bench-2'), await splitDistricts(2), data.dir, m);
    const broker1 = await brokerOnly(broker, { sub: accounts.display('bench-count'), pub: accounts.sensor('bench-count') }, (await demoRegistry()).city, m);
    const latency = await alertLatency(broker, authority);
    return {
      sensors: SENSORS, readings: m.topics.length, store: 'PGlite per hub', broker: 'embedded aedes (this process)',
      oneHub: one, twoHubs: two, peer, brokerAlone: broker1, ratioOneHubToBrokerAlone: +(one.readingsPerS / broker1.readingsPerS).toFixed(2), ratioOneHubToPeer: +(one.readingsPerS / peer.readingsPerS).toFixed(3), ratioTwoHubsToOne: +(two.readingsPerS / one.readingsPerS).toFixed(2),
      ...latency,
    };
  } finally {
    await broker.stop();
    data.remove();
  }
}
