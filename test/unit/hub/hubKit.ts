import mqtt, { type MqttClient } from 'mqtt';
import { EmbeddedBroker } from '../../../src/feed/EmbeddedBroker';
import { HubCommands } from '../../../src/hub/client/HubCommands';
import { HubState } from '../../../src/hub/client/HubState';
import { Hub } from '../../../src/hub/Hub';
import type { HubOptions } from '../../../src/hub/HubOptions';
import type { HubStore } from '../../../src/hub/store/HubStore';
import type { Authority } from '../../../src/server/Authority';
import type { SensorInfo } from '../../../src/signs/registry/SensorInfo';
import { defaultRules } from '../../../src/signs/rules/defaultRules';
import { encodeReading } from '../../../src/signs/schema/encodeReading';
import { SENSOR_KIND_SPECS } from '../../../src/signs/schema/sensorKinds';
import { demoPackage, demoRegistry } from '../../support/demoPackage';
import { brokerOptions, testAuthority } from '../signs/feedTestKit';
import { waitFor } from '../signs/netUtil';

export const CITY_UNIT = '510100';
export const REGISTRY = await demoRegistry();
export const CITY = REGISTRY.city;
export const UNITS = await (await demoPackage()).units();
export const RULES = defaultRules();
export const DISTRICTS = [...new Set(REGISTRY.sensors.map((s) => s.districtId))].sort();

/** A sensor of `kind` (the n-th) in a district (default the first). */
export function sensorOf(kind: string, n = 0, districtId?: string): SensorInfo {
  const s = REGISTRY.sensors.filter((x) => x.kind === kind && (!districtId || x.districtId === districtId))[n];
  if (!s) throw new Error(`no ${kind} #${n} in ${districtId ?? 'the city'}`);
  return s;
}

/** Adds the hub's service account and operators of the city, of one street and of one district. */
export async function addHubAccounts(authority: Authority, street: string, district: string): Promise<void> {
  const a = authority.accounts;
  if (a.get('hub')) return;
  await a.add({ username: 'hub', displayName: 'Hub', kind: 'service', role: 'hub', tier: 'city', unitId: CITY_UNIT, password: null });
  await a.add({ username: 'op-city', displayName: 'City operator', kind: 'person', role: 'operator', tier: 'city', unitId: CITY_UNIT, password: 'op-city-pass' });
  await a.add({ username: 'op-street', displayName: 'Street operator', kind: 'person', role: 'operator', tier: 'street', unitId: street, password: 'op-street-pass' });
  await a.add({ username: 'op-district', displayName: 'District operator', kind: 'person', role: 'operator', tier: 'district', unitId: district, password: 'op-district-pass' });
}

/** Hub options for a hub on `url` as the 'hub' account of `authority`. */
export function hubOptions(authority: Authority, url: string, o: Partial<HubOptions> & { hubId: string; store: HubStore | null }): HubOptions {
  return {
    cityId: CITY, cityUnitId: CITY_UNIT, districts: null, registry: REGISTRY, units: UNITS, rules: RULES,
    broker: { url, username: 'hub', password: () => authority.credentials('hub', o.hubId).password, clientId: `hub:${o.hubId}` },
    accountOf: (u) => authority.accounts.get(u), publishMs: 200, ...o,
  };
}

/** A display: its MQTT client, its copy of the hub state, and its command sender. */
export interface TestDisplay {
  client: MqttClient;
  state: HubState;
  commands: HubCommands;
  close(): Promise<void>;
}

/** Connects a display of `username` (a person) that follows the hub state and can send commands. */
export async function display(authority: Authority, url: string, username: string, tab: string): Promise<TestDisplay> {
  const account = authority.accounts.get(username)!;
  const state = new HubState(CITY);
  const client = await mqtt.connectAsync(url, { ...authority.credentials(username, tab), protocolVersion: 4, reconnectPeriod: 0 });
  const commands = new HubCommands(CITY, account, async (topic, payload) => { await client.publishAsync(topic, payload, { qos: 1 }); }, 3000);
  client.on('message', (t, p) => { if (!commands.takeReply(t, p)) state.ingest(t, p); });
  const t = state.topics;
  await client.subscribeAsync([t.alertFilter, t.indicatorFilter, `${t.root}/status/+`, t.summary, t.incidentFilter, t.vehicles, t.closures, commands.replyTopic], { qos: 1 });
  return { client, state, commands, close: async () => { await client.endAsync(true); state.dispose(); } };
}

/** A sensor publisher (the 'sensor' service account). */
export async function publisher(authority: Authority, url: string, tab = 'pub'): Promise<{ client: MqttClient; send(s: SensorInfo, value: number, timeMs?: number): Promise<void> }> {
  const client = await mqtt.connectAsync(url, { ...authority.credentials('sensor', tab), protocolVersion: 4, reconnectPeriod: 200 });
  client.on('error', () => {});
  return {
    client,
    send: async (s, value, timeMs = Date.now()) => { await client.publishAsync(s.topic, encodeReading(s.id, s.kind, timeMs, value), { qos: SENSOR_KIND_SPECS[s.kind].qos }); },
  };
}

/** Publishes one normal reading of every sensor (its nominal value) at `timeMs` and waits until the hubs took them. */
export async function publishAll(pub: Awaited<ReturnType<typeof publisher>>, hubs: Hub[], timeMs = Date.now()): Promise<void> {
  const before = hubs.reduce((n, h) => n + h.signs.ingestor.counts[0], 0);
  for (const s of REGISTRY.sensors) pub.client.publish(s.topic, encodeReading(s.id, s.kind, timeMs, s.nominal), { qos: 0 });
  await waitFor(() => hubs.reduce((n, h) => n + h.signs.ingestor.counts[0], 0) >= before + REGISTRY.sensors.length, 20_000, 'every reading at the hubs');
}

/** An embedded broker with test accounts over `dataDir`, on free ports. */
export async function testBroker(dataDir: string, ports = { tcpPort: 0, wsPort: 0 }, persistence?: unknown): Promise<{ broker: EmbeddedBroker; authority: Authority }> {
  const { authority } = await testAuthority(dataDir);
  const street = REGISTRY.sensors[0].streetId, district = REGISTRY.sensors[0].districtId;
  await addHubAccounts(authority, street, district);
  return { broker: await EmbeddedBroker.start(brokerOptions(authority, ports, persistence)), authority };
}
