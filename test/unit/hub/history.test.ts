import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryClient } from '../../../src/hub/client/HistoryClient';
import { HistoryApi } from '../../../src/hub/http/HistoryApi';
import { HubHistory } from '../../../src/hub/store/HubHistory';
import { HubStore } from '../../../src/hub/store/HubStore';
import { openPglite } from '../../../src/hub/store/openSql';
import type { SqlClient } from '../../../src/hub/store/SqlClient';
import { apiHandler } from '../../../src/server/http/apiHandler';
import type { Account } from '../../../src/server/accounts/Account';
import { UnitIndex } from '../../../src/signs/units/UnitIndex';
import { tempDataDir } from '../signs/feedTestKit';
import { CITY_UNIT, REGISTRY, UNITS } from './hubKit';
import { fillHistory, HISTORY_NOW } from './historyFixture';

const data = tempDataDir();
let sql: SqlClient, server: Server, client: HistoryClient, loggedIn = true;
const gauge = REGISTRY.sensors.find((s) => s.kind === 'water_level')!;

beforeAll(async () => {
  sql = await openPglite(`${data.dir}/pglite`);
  const store = await HubStore.open(sql, 'hub-h');
  await fillHistory(store, gauge);
  const api = new HistoryApi({
    history: new HubHistory(sql), units: new UnitIndex(UNITS), sensorIds: new Set(REGISTRY.sensors.map((s) => s.id)), cityUnitId: CITY_UNIT,
    accountOf: () => (loggedIn ? ({ username: 'viewer' } as Account) : null), clock: () => HISTORY_NOW,
  });
  server = createServer(apiHandler([(req, res) => api.handle(req, res)]));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  client = new HistoryClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/hub`);
}, 60_000);
afterAll(async () => { await new Promise((r) => server?.close(r)); await sql?.close(); data.remove(); });

describe('history API (store -> HTTP -> HistoryClient)', () => {
  it('serves a sensor over 1 h and 24 h from raw readings, 7 d from 1-minute aggregates, downsampled on the server', async () => {
    const h1 = await client.sensorSeries(gauge.id, '1h');
    expect(h1.bucketS).toBe(10);
    expect(h1.points.length).toBe(120);
    const d1 = await client.sensorSeries(gauge.id, '24h');
    expect(d1.bucketS).toBe(300);
    expect(d1.points.length).toBeGreaterThanOrEqual(287);
    expect(d1.points.length).toBeLessThanOrEqual(289);
    const [, mean, min, max, n] = d1.points[10];
    expect(n).toBe(10);
    expect(min).toBeLessThanOrEqual(mean);
    expect(max).toBeGreaterThanOrEqual(mean);
    const w = await client.sensorSeries(gauge.id, '7d');
    expect(w.bucketS).toBe(1800);
    expect(w.points.length).toBeGreaterThanOrEqual(48);
    expect(w.points.reduce((s, p) => s + p[4], 0)).toBe(d1.points.reduce((s, p) => s + p[4], 0));
  });

  it('serves a unit indicator from the snapshots, alerts per unit with their changes, and the state at a past moment', async () => {
    const s = await client.unitSeries(gauge.districtId, 'water_level', '24h');
    expect(s.points.length).toBeGreaterThan(100);
    expect(s.points[0][1]).toBeCloseTo(2.5, 5);
    const alerts = await client.unitAlerts(gauge.streetId, '24h');
    expect(alerts.alerts).toHaveLength(1);
    expect(alerts.alerts[0].events.map((e) => e.change)).toEqual(['raised', 'acknowledged', 'resolved']);
    const id = alerts.alerts[0].alert.id;
    expect((await client.stateAt(HISTORY_NOW - 2.9 * 3_600_000)).alerts.map((a) => [a.id, a.state, a.acknowledgedAtMs])).toEqual([[id, 'raised', null]]);
    const during = await client.stateAt(HISTORY_NOW - 2.5 * 3_600_000);
    expect(during.alerts.map((a) => [a.id, a.state])).toEqual([[id, 'acknowledged']]);
    expect(during.indicators.find((i) => i.tier === 'district')).toBeTruthy();
    const after = await client.stateAt(HISTORY_NOW - 3_600_000);
    expect(after.alerts).toEqual([]);
  });

  it('refuses strangers, unknown ids and bad parameters with a clear message', async () => {
    await expect(client.sensorSeries('XX-1', '1h')).rejects.toThrow('history /sensors/XX-1/series?range=1h: no sensor "XX-1"');
    await expect(client.sensorSeries(gauge.id, '2y' as never)).rejects.toThrow(/range: expected one of 1h\|24h\|7d/);
    await expect(client.unitSeries('nowhere', 'water_level', '1h')).rejects.toThrow(/no unit "nowhere"/);
    await expect(client.unitSeries(gauge.districtId, 'lava', '1h')).rejects.toThrow(/kind: expected one of/);
    await expect(client.stateAt(0)).rejects.toThrow(/at: expected epoch milliseconds within the last 7 days/);
    loggedIn = false;
    await expect(client.sensorSeries(gauge.id, '1h')).rejects.toThrow(/not logged in/);
    loggedIn = true;
  });
});

