import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedBroker } from '../../../src/feed/EmbeddedBroker';
import { HubAlertSource } from '../../../src/hub/client/HubAlertSource';
import { CommandRefused } from '../../../src/hub/client/HubCommands';
import { Hub } from '../../../src/hub/Hub';
import { openPglite } from '../../../src/hub/store/openSql';
import { HubStore } from '../../../src/hub/store/HubStore';
import type { SqlClient } from '../../../src/hub/store/SqlClient';
import type { Authority } from '../../../src/server/Authority';
import { SENSOR_KINDS } from '../../../src/signs/schema/sensorKinds';
import { tempDataDir } from '../signs/feedTestKit';
import { waitFor } from '../signs/netUtil';
import { closes, connectOrRefusal } from '../security/brokerProbe';
import { DISTRICTS, display, hubOptions, publishAll, publisher, REGISTRY, sensorOf, testBroker, type TestDisplay } from './hubKit';

const data = tempDataDir();
let broker: EmbeddedBroker, authority: Authority, sql: SqlClient, store: HubStore, hub: Hub;
let pub: Awaited<ReturnType<typeof publisher>>, city: TestDisplay, other: TestDisplay;

beforeAll(async () => {
  ({ broker, authority } = await testBroker(data.dir));
  sql = await openPglite(`${data.dir}/pglite`);
  store = await HubStore.open(sql, 'hub-1');
  hub = new Hub(hubOptions(authority, broker.urls.tcp, { hubId: 'hub-1', store }));
  await hub.start();
  pub = await publisher(authority, broker.urls.tcp);
  city = await display(authority, broker.urls.ws, 'op-city', 'tab1');
  other = await display(authority, broker.urls.ws, 'viewer', 'tab2');
  await publishAll(pub, [hub]);
}, 120_000);
afterAll(async () => {
  await city?.close(); await other?.close(); await pub?.client.endAsync(true);
  await hub?.stop(); await sql?.close(); await broker?.stop(); data.remove();
});

describe('Hub (one hub, embedded broker, PGlite)', () => {
  it('publishes indicators per tier and district, the city tier from the districts, and its status', async () => {
    await waitFor(() => other.state.indicators.size === 1 + DISTRICTS.length * 4, 5000, 'every indicator topic at the display');
    const total = (kind: string) => REGISTRY.sensors.filter((s) => s.kind === kind).length;
    await waitFor(() => { const m = other.state.indicators.get('city')!; return m.kinds.every((k, i) => m.fresh[i][0] === total(k)); }, 10_000, 'a city tier with every reading');
    const c = other.state.indicators.get('city')!;
    for (const [k, kind] of c.kinds.entries()) {
      expect(c.fresh[k][0], kind).toBe(total(kind));
      expect(c.values[k][0], kind).not.toBeNull();
    }
    expect(c.kinds).toEqual([...SENSOR_KINDS]);
    const grid = other.state.indicators.get(`grid/${DISTRICTS[0]}`)!;
    expect(grid.units.length).toBeGreaterThan(100);
    await waitFor(() => other.state.statuses.get('hub-1')?.store?.state === 'ok', 10_000, 'the hub status');
    expect(other.state.summary?.hubs.map((h) => h.hubId)).toEqual(['hub-1']);
  });

  it('raises an alert from a QoS 1 fire alarm: retained for every display, stored with its change', async () => {
    const fa = sensorOf('fire_alarm', 3);
    await pub.send(fa, 1);
    await waitFor(() => [...other.state.alerts.values()].some((a) => a.sensorId === fa.id), 10_000, 'the alert at the display');
    const a = [...other.state.alerts.values()].find((x) => x.sensorId === fa.id)!;
    expect(a).toMatchObject({ ruleId: 'fire_alarm.active', state: 'raised', hubId: 'hub-1', districtId: fa.districtId, comments: [] });
    expect(a.id).toMatch(new RegExp(`^${fa.id}~fire_alarm_active~\\d+$`));
    await hub.writer!.flush();
    const { rows } = await sql.query<{ change: string }>('SELECT change FROM alert_events WHERE alert_id = $1', [a.id]);
    expect(rows.map((r) => r.change)).toEqual(['raised']);
  });

  it('applies an acknowledgement from one display and every display shows it within 1 s; a retry is not applied twice', async () => {
    const a = city.state.openAlerts().find((x) => x.state === 'raised')!;
    const t0 = Date.now();
    const reply = await city.commands.send('acknowledge', a.id);
    expect(reply).toMatchObject({ ok: true, reason: null, action: 'acknowledge', alertId: a.id });
    await waitFor(() => other.state.alerts.get(a.id)?.state === 'acknowledged', 1000, 'the acknowledgement at the other display');
    console.log(`acknowledge -> shown on another display in ${Date.now() - t0} ms`);
    expect(other.state.alerts.get(a.id)!.acknowledgedBy).toBe('op-city');
    const topic = city.commands.topics.command('510100', 'op-city');
    const replies: string[] = [];
    city.client.on('message', (t, p) => { if (t.includes('/replies/')) replies.push(p.toString()); });
    for (let i = 0; i < 2; i++) await city.client.publishAsync(topic, JSON.stringify({ id: 'retry-0001', action: 'comment', alertId: a.id, text: 'crew on the way' }), { qos: 1 });
    await waitFor(() => replies.length === 2, 3000, 'two replies');
    expect(replies.map((r) => JSON.parse(r).ok)).toEqual([true, true]);
    await waitFor(() => other.state.alerts.get(a.id)!.comments.length === 1, 1000, 'the comment');
    await hub.writer!.flush();
    const ev = await sql.query<{ change: string; by_user: string }>('SELECT change, by_user FROM alert_events WHERE alert_id = $1 ORDER BY seq', [a.id]);
    expect(ev.rows).toEqual([{ change: 'raised', by_user: null }, { change: 'acknowledged', by_user: 'op-city' }, { change: 'commented', by_user: 'op-city' }]);
    const cmds = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM commands WHERE id = 'retry-0001'");
    expect(cmds.rows[0].n).toBe(1);
  });

  it('refuses malformed commands, unknown alerts and a second acknowledgement, with the reason sent back', async () => {
    const a = city.state.openAlerts().find((x) => x.state === 'acknowledged')!;
    await expect(city.commands.send('acknowledge', a.id)).rejects.toThrow(/is acknowledged: cannot acknowledge/);
    await expect(city.commands.send('acknowledge', 'FA-99999~fire_alarm_active~1')).rejects.toThrow(/no alert FA-99999/);
    await expect(city.commands.send('silence', a.id, { durationS: 5 })).rejects.toThrow(/durationS: expected seconds from 60 to 86400/);
    const replies: Array<{ ok: boolean; reason: string }> = [];
    city.client.on('message', (t, p) => { if (t.includes('/replies/')) replies.push(JSON.parse(p.toString())); });
    await city.client.publishAsync(city.commands.topics.command('510100', 'op-city'), '{not json', { qos: 1 });
    await waitFor(() => replies.length > 0, 3000, 'the reply to a malformed command');
    expect(replies[0]).toMatchObject({ ok: false, reason: 'command is not UTF-8 JSON' });
  });

  it('lets a street operator act only in its street: the broker refuses other units\' topics, the hub other streets\' alerts', async () => {
    const streetOp = authority.accounts.get('op-street')!;
    const inStreet = REGISTRY.sensors.find((s) => s.kind === 'fire_alarm' && s.streetId === streetOp.unitId)!;
    const elsewhere = REGISTRY.sensors.find((s) => s.kind === 'fire_alarm' && s.streetId !== streetOp.unitId)!;
    await pub.send(inStreet, 1);
    await pub.send(elsewhere, 1);
    await waitFor(() => [inStreet, elsewhere].every((s) => city.state.openAlerts().some((a) => a.sensorId === s.id)), 10_000, 'both alerts');
    const id = (s: typeof inStreet) => city.state.openAlerts().find((a) => a.sensorId === s.id)!.id;
    const street = await display(authority, broker.urls.ws, 'op-street', 'tab3');
    try {
      await expect(street.commands.send('acknowledge', id(elsewhere))).rejects.toThrow(CommandRefused);
      await expect(street.commands.send('acknowledge', id(elsewhere))).rejects.toThrow(new RegExp(`op-street acts for unit ${streetOp.unitId}; alert .* is in street ${elsewhere.streetId}`));
      expect((await street.commands.send('acknowledge', id(inStreet))).ok).toBe(true);
      street.client.publish(street.commands.topics.command(elsewhere.streetId, 'op-street'), JSON.stringify({ id: 'forged-0001', action: 'acknowledge', alertId: id(elsewhere) }), { qos: 1 });
      expect(await closes(street.client, 3000)).toBe(true);
    } finally {
      await street.close();
    }
    const viewer = await connectOrRefusal(broker.urls.tcp, authority.credentials('viewer', 'cmd'));
    viewer.publish(city.commands.topics.command('510100', 'viewer'), JSON.stringify({ id: 'viewer-0001', action: 'acknowledge', alertId: id(elsewhere) }), { qos: 1 });
    expect(await closes(viewer, 3000)).toBe(true);
    viewer.end(true);
    expect(city.state.alerts.get(id(elsewhere))!.state).toBe('raised');
  });

  it('gives the alert list the hub\'s alerts (HubAlertSource): acknowledge from one list, the other list\'s source says so', async () => {
    const fa = sensorOf('fire_alarm', 40);
    await pub.send(fa, 1);
    await waitFor(() => city.state.openAlerts().some((a) => a.sensorId === fa.id && a.state === 'raised'), 10_000, 'the new alert');
    const mine = new HubAlertSource(city.state, city.commands), theirs = new HubAlertSource(other.state, null);
    const seen: string[] = [];
    theirs.events.subscribe('alert', (e) => { if (e.alert.sensorId === fa.id) seen.push(e.change); });
    const a = mine.openAlerts().find((x) => x.sensorId === fa.id)!;
    expect(theirs.acknowledge(a.id)).toBe(false);
    expect(mine.acknowledge(a.id)).toBe(true);
    await waitFor(() => seen.includes('acknowledged'), 1000, 'the acknowledgement in the other list\'s source');
    mine.dispose(); theirs.dispose();
  });

  it('keeps readings in hourly partitions and folds them into 1-minute aggregates', async () => {
    await hub.writer!.flush();
    const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM readings');
    expect(rows[0].n).toBe(hub.signs.ingestor.counts[0]);
    const parts = await sql.query<{ name: string }>("SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'readings'");
    expect(parts.rows[0].name).toMatch(/^readings_h\d{10}$/);
    const folded = await store.aggregateMinutes(Date.now() - 3_600_000, Date.now() + 60_000);
    expect(folded).toBeGreaterThanOrEqual(REGISTRY.sensors.length);
  });
});
