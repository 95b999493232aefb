import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedBroker } from '../../../src/feed/EmbeddedBroker';
import { Hub } from '../../../src/hub/Hub';
import { openPostgres } from '../../../src/hub/store/openSql';
import { HubHistory } from '../../../src/hub/store/HubHistory';
import { HubStore } from '../../../src/hub/store/HubStore';
import type { SqlClient } from '../../../src/hub/store/SqlClient';
import type { Authority } from '../../../src/server/Authority';
import { tempDataDir } from '../signs/feedTestKit';
import { freePort, waitFor } from '../signs/netUtil';
import { display, hubOptions, publisher, REGISTRY, testBroker } from './hubKit';
import { fillHistory, HISTORY_NOW } from './historyFixture';
import { hasPostgres, PostgresServer } from './postgresServer';

describe.skipIf(!hasPostgres())('hub on a real PostgreSQL 15', () => {
  const data = tempDataDir();
  let pg: PostgresServer, sql: SqlClient, broker: EmbeddedBroker, authority: Authority;
  beforeAll(async () => {
    pg = new PostgresServer(await freePort());
    await pg.start();
    sql = await openPostgres(pg.url);
    ({ broker, authority } = await testBroker(data.dir));
  }, 120_000);
  afterAll(async () => { await sql?.close(); await broker?.stop(); pg?.dispose(); data.remove(); });

  it('runs the same migrations as PGlite (schema versions 1 to 3, partitioned readings; closures and legs round-trip)', async () => {
    const store = await HubStore.open(sql, 'hub-pg');
    await HubStore.open(sql, 'hub-pg');
    const v = await sql.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(v.rows.map((r) => r.version)).toEqual([1, 2, 3]);
    const kind = await sql.query<{ relkind: string }>("SELECT relkind FROM pg_class WHERE relname = 'readings'");
    expect(kind.rows[0].relkind).toBe('p');
    expect(store.hubId).toBe('hub-pg');
    const by = { username: 'op', tier: 'city' as const, unitId: '510100' };
    const closure = { id: 'CLO-1', kind: 'manual' as const, reason: null, incidentId: null, by, atMs: 1e12, streetIds: ['s'], districtIds: ['d'],
      segments: [{ arcs: [7, 8], lineId: 'l', lineName: 'Renmin Lu', endsLonLat: [[104.1, 30.6], [104.2, 30.7]] as [[number, number], [number, number]], lonLat: [104.15, 30.65] as [number, number], streetId: 's', districtId: 'd' }] };
    await store.recordClosure(closure, 'closed', 'op', 1e12);
    expect(await store.openClosures()).toEqual([closure]);
    await store.recordClosure(closure, 'reopened', 'op', 1e12 + 1);
    expect(await store.openClosures()).toEqual([]);
    const leg = { startedAtMs: 1e12, route: { coordsLonLat: [[104.1, 30.6], [104.123456789012, 30.7]] as Array<[number, number]>, cumulativeS: [0, 12.5], seconds: 12.5, arcs: [7] }, stoppedLonLat: null };
    await store.recordLeg('INC-1', 'V1', leg);
    expect((await store.loadLegs(['INC-1'])).get('INC-1 V1')).toEqual(leg);
  });

  it('answers the history queries with the same SQL as on PGlite', async () => {
    const store = await HubStore.open(sql, 'hub-hist');
    const gauge = REGISTRY.sensors.find((x) => x.kind === 'water_level')!;
    await fillHistory(store, gauge);
    const history = new HubHistory(sql);
    expect((await history.sensorSeries(gauge.id, '1h', HISTORY_NOW)).points).toHaveLength(120);
    expect((await history.sensorSeries(gauge.id, '7d', HISTORY_NOW)).points.length).toBeGreaterThanOrEqual(48);
    expect((await history.unitSeries(gauge.districtId, 'district', gauge.districtId, 'water_level', '24h', HISTORY_NOW)).points[0][1]).toBeCloseTo(2.5, 5);
    expect((await history.unitAlerts(gauge.streetId, HISTORY_NOW - 86_400_000))[0].events.map((e) => e.change)).toEqual(['raised', 'acknowledged', 'resolved']);
    expect((await history.stateAt(HISTORY_NOW - 2.5 * 3_600_000)).alerts.map((a) => a.state)).toEqual(['acknowledged']);
    await sql.exec("DELETE FROM readings WHERE hub_id = 'hub-hist'; DELETE FROM readings_1m WHERE hub_id = 'hub-hist'");
  });

  it('stores a batch of 200,000 readings (the size per reading for docs/deploy.md)', async () => {
    const store = await HubStore.open(sql, 'hub-size');
    const ids = REGISTRY.sensors.map((x) => x.id), n = 200_000, t0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
    const rows = { sensorIds: [] as string[], timesMs: [] as number[], values: [] as number[] };
    for (let i = 0; i < n; i++) { rows.sensorIds.push(ids[i % ids.length]); rows.timesMs.push(t0 + Math.floor(i / ids.length) * 30_000 + (i % 1000)); rows.values.push(i % 97); }
    const started = performance.now();
    for (let i = 0; i < n; i += 20_000) await store.insertReadings({ sensorIds: rows.sensorIds.slice(i, i + 20_000), timesMs: rows.timesMs.slice(i, i + 20_000), values: rows.values.slice(i, i + 20_000) });
    const rate = n / ((performance.now() - started) / 1000);
    const size = await sql.query<{ bytes: number }>("SELECT sum(pg_total_relation_size(c.oid))::float8 AS bytes FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'readings'");
    const count = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM readings");
    console.log(`PostgreSQL 15: ${Math.round(rate)} readings/s inserted in batches of 20,000; ${(size.rows[0].bytes / count.rows[0].n).toFixed(0)} bytes per raw reading on disk (table + index, ${count.rows[0].n} rows)`);
    expect(count.rows[0].n).toBeGreaterThanOrEqual(n);
    await sql.exec("DELETE FROM readings WHERE hub_id = 'hub-size'");
  });

  it('keeps ingesting through a PostgreSQL restart under load: says so in its status, buffers, catches up, loses nothing', async () => {
    const store = await HubStore.open(sql, 'hub-pg');
    const hub = new Hub(hubOptions(authority, broker.urls.tcp, { hubId: 'hub-pg', store, writer: { flushMs: 200 } }));
    await hub.start();
    const pub = await publisher(authority, broker.urls.tcp, 'pg-load');
    const screen = await display(authority, broker.urls.ws, 'viewer', 'pg');
    const sensors = REGISTRY.sensors.filter((s) => s.kind === 'traffic_speed').slice(0, 200);
    let t = Date.now() - 60_000;
    const load = setInterval(() => { t += 100; for (const s of sensors) void pub.send(s, s.nominal, t); }, 100);
    try {
      await waitFor(() => hub.writer!.status.writtenReadings > 2000, 20_000, 'readings in PostgreSQL');
      pg.stop();
      await waitFor(() => screen.state.statuses.get('hub-pg')?.store?.state === 'retrying', 10_000, 'the display to see the store retrying');
      const status = screen.state.statuses.get('hub-pg')!.store!;
      console.log(`postgres down: hub status ${status.state}, ${status.pendingReadings} readings pending, error "${status.lastError}"`);
      await new Promise((r) => setTimeout(r, 2000));
      await pg.start();
      await waitFor(() => screen.state.statuses.get('hub-pg')?.store?.state === 'ok', 20_000, 'the store to be back');
    } finally {
      clearInterval(load);
    }
    await new Promise((r) => setTimeout(r, 500));
    await hub.writer!.flush();
    const accepted = hub.signs.ingestor.counts[0];
    const { rows } = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM readings WHERE hub_id = 'hub-pg'");
    console.log(`postgres restart under load: ${accepted} readings accepted, ${rows[0].n} stored, ${hub.writer!.status.droppedReadings} dropped`);
    expect(rows[0].n).toBeGreaterThanOrEqual(accepted);
    expect(rows[0].n).toBeLessThanOrEqual(accepted + 20_000);
    expect(hub.writer!.status.droppedReadings).toBe(0);
    await screen.close(); await pub.client.endAsync(true); await hub.stop();
  });
});
