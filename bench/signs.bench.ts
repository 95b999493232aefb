/**
 * Vital signs: (1) readings ingested per second in process through the real path (UTF-8 decode,
 * JSON parse, validation, ring buffers, staleness, rules), against a peer that only decodes and
 * JSON.parses the same messages; indicator recomputation per tick. (2) End-to-end latency
 * simulator -> embedded aedes -> WebSocket -> mqtt.js -> ingest (median, p99), against a peer raw
 * TCP subscriber on the same broker at the same time. The browser figures (with the view
 * rendering) are measured by the app's own bench.
 */
import { startFeed } from '../src/feed/startFeed';
import { syntheticFeed } from '../src/feed/syntheticFeed';
import mqtt from 'mqtt';
import { SignsConnection } from '../src/signs/connection/SignsConnection';
import { demoModel, demoRegistry } from '../test/support/demoPackage';
import { defaultRules } from '../src/signs/rules/defaultRules';
import { SignsStore } from '../src/signs/SignsStore';

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

async function ingestThroughput() {
  const [city, registry] = await Promise.all([demoModel(), demoRegistry()]);
  const { topics, payloads } = syntheticFeed(registry, 220_000);
  const warm = 20_000;
  const store = new SignsStore({ registry, units: city.units, rules: defaultRules() });
  for (let i = 0; i < warm; i++) store.ingest(topics[i], payloads[i]);
  let t0 = performance.now();
  for (let i = warm; i < topics.length; i++) store.ingest(topics[i], payloads[i]);
  const ingestMs = performance.now() - t0;
  const dec = new TextDecoder();
  let sink = 0;
  for (let i = 0; i < warm; i++) sink += (JSON.parse(dec.decode(payloads[i])) as { value: number }).value;
  t0 = performance.now();
  for (let i = warm; i < topics.length; i++) sink += (JSON.parse(dec.decode(payloads[i])) as { value: number }).value;
  const peerMs = performance.now() - t0;
  const ticks = 50;
  t0 = performance.now();
  for (let i = 0; i < ticks; i++) store.tick();
  const tickMs = (performance.now() - t0) / ticks;
  const n = topics.length - warm;
  return {
    messages: n, sensors: registry.sensors.length, accepted: store.ingestor.counts[0],
    ingestPerSecond: Math.round(n / (ingestMs / 1000)),
    peerJsonParsePerSecond: Math.round(n / (peerMs / 1000)),
    ratioIngestTimeToPeer: round(ingestMs / peerMs),
    tickMs: round(tickMs, 3), checksum: Math.round(sink) % 1000,
  };
}

async function endToEndLatency(seconds = 6, rateHz = 1500) {
  const feed = await startFeed({ port: 0, wsPort: 0, rateHz, seed: 5 });
  const city = await demoModel();
  const store = new SignsStore({ registry: feed.registry, units: city.units, rules: defaultRules(), intervalScale: feed.intervalScale });
  const e2e: number[] = [], peer: number[] = [];
  let measuring = false;
  store.events.subscribe('reading', (e) => { if (measuring) e2e.push(Date.now() - e.timeMs); });
  const conn = new SignsConnection({ url: feed.urls.ws, clientId: 'rc-bench-display', username: 'display', password: 'display-demo' }, (t, p) => store.ingest(t, p));
  const raw = mqtt.connect(feed.urls.tcp, { username: 'operator', password: 'operator-demo', clientId: 'rc-bench-peer' });
  raw.on('message', (_t, p) => { if (measuring) peer.push(Date.now() - (JSON.parse(p.toString()) as { timeMs: number }).timeMs); });
  raw.subscribe('city/#', { qos: 1 });
  conn.connect();
  await new Promise((r) => setTimeout(r, 3000));
  measuring = true;
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  await conn.dispose();
  await raw.endAsync(true);
  await feed.stop();
  store.dispose();
  const med = quantile(e2e, 0.5), p99 = quantile(e2e, 0.99);
  return {
    transport: 'simulator -> aedes (in process) -> WebSocket -> mqtt.js -> SignsStore.ingest, node, one process',
    rateHz, samples: e2e.length,
    latencyMedianMs: med, latencyP99Ms: p99, latencyMaxMs: Math.max(...e2e),
    peerRawTcpMedianMs: quantile(peer, 0.5), peerRawTcpP99Ms: quantile(peer, 0.99),
    ratioMedianToPeer: round(med / Math.max(1, quantile(peer, 0.5))),
    note: 'timeMs in payloads has 1 ms resolution; sender and receiver share the clock',
  };
}

export async function run(): Promise<object> {
  return { ingest: await ingestThroughput(), endToEnd: await endToEndLatency() };
}
