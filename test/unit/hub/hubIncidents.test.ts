import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedBroker } from '../../../src/feed/EmbeddedBroker';
import { CommandRefused } from '../../../src/hub/client/HubCommands';
import { Hub } from '../../../src/hub/Hub';
import { incidentSetup, type IncidentSetup } from '../../../src/hub/incidents/incidentSetup';
import { openPglite } from '../../../src/hub/store/openSql';
import { HubStore } from '../../../src/hub/store/HubStore';
import type { SqlClient } from '../../../src/hub/store/SqlClient';
import type { Authority } from '../../../src/server/Authority';
import { demoPackage } from '../../support/demoPackage';
import { closes, connectOrRefusal } from '../security/brokerProbe';
import { tempDataDir } from '../signs/feedTestKit';
import { waitFor } from '../signs/netUtil';
import { CITY_UNIT, display, hubOptions, publishAll, publisher, REGISTRY, testBroker, type TestDisplay } from './hubKit';

const data = tempDataDir();
/** A fire alarm (the demo's first one snaps to a one-way road no station reaches), another street of its district. */
const FIRE = REGISTRY.sensors.filter((s) => s.kind === 'fire_alarm')[1];
const OTHER = REGISTRY.sensors.find((s) => s.districtId === FIRE.districtId && s.streetId !== FIRE.streetId)!;
let broker: EmbeddedBroker, authority: Authority, sql: SqlClient, store: HubStore, hub: Hub, setup: IncidentSetup;
let pub: Awaited<ReturnType<typeof publisher>>, street: TestDisplay, neighbour: TestDisplay, district: TestDisplay, wall: TestDisplay;

function incidentHub(): Hub {
  return new Hub(hubOptions(authority, broker.urls.tcp, { hubId: 'hub-i', store, incidents: setup }));
}

beforeAll(async () => {
  ({ broker, authority } = await testBroker(data.dir));
  const a = authority.accounts, person = { kind: 'person' as const, role: 'operator' };
  await a.add({ ...person, username: 'inc-street', displayName: 'Street A', tier: 'street', unitId: FIRE.streetId, password: 'inc-street-pass' });
  await a.add({ ...person, username: 'inc-street2', displayName: 'Street B', tier: 'street', unitId: OTHER.streetId, password: 'inc-street2-pass' });
  await a.add({ ...person, username: 'inc-district', displayName: 'District', tier: 'district', unitId: FIRE.districtId, password: 'inc-district-pass' });
  // Vehicles drive 200x faster than real time: a 3.5-minute drive takes about a second.
  setup = { ...(await incidentSetup(await demoPackage())), speedup: 200 };
  sql = await openPglite(`${data.dir}/pglite`);
  store = await HubStore.open(sql, 'hub-i');
  hub = incidentHub();
  await hub.start();
  pub = await publisher(authority, broker.urls.tcp);
  [street, neighbour, district, wall] = await Promise.all([
    display(authority, broker.urls.ws, 'inc-street', 's1'), display(authority, broker.urls.ws, 'inc-street2', 's2'),
    display(authority, broker.urls.ws, 'inc-district', 'd1'), display(authority, broker.urls.ws, 'viewer', 'wall'),
  ]);
  await publishAll(pub, [hub]);
}, 120_000);
afterAll(async () => {
  for (const d of [street, neighbour, district, wall]) await d?.close();
  await pub?.client.endAsync(true); await hub?.stop(); await sql?.close(); await broker?.stop(); data.remove();
});

describe('Hub incidents (embedded broker, PGlite)', () => {
  let incidentId = '';

  it('makes an incident from an alert: retained for every display with its place, owner and SLA', async () => {
    await pub.send(FIRE, 1);
    await waitFor(() => street.state.openAlerts().some((x) => x.sensorId === FIRE.id), 5000, 'the fire alarm');
    const alert = street.state.openAlerts().find((x) => x.sensorId === FIRE.id)!;
    const t0 = Date.now();
    const r = await street.commands.incident('create', { alertId: alert.id, severity: 'medium', text: 'caller confirms smoke' });
    expect(r).toMatchObject({ ok: true, action: 'create', reason: null });
    incidentId = r.incidentId!;
    await waitFor(() => wall.state.incidents.has(incidentId), 2000, 'the incident on the wall');
    console.log(`incident create -> on another display in ${Date.now() - t0} ms`);
    expect(wall.state.incidents.get(incidentId)).toMatchObject({
      type: 'fire', severity: 'medium', status: 'reported', source: { kind: 'alert', alertId: alert.id }, lonLat: [FIRE.lonDeg, FIRE.latDeg],
      streetId: FIRE.streetId, districtId: FIRE.districtId, owner: { tier: 'street', unitId: FIRE.streetId }, sla: { stage: 'triage' },
    });
    await expect(street.commands.incident('create', { alertId: alert.id })).rejects.toThrow(`alert ${alert.id} is already incident ${incidentId}`);
  });

  it("refuses a street account acting on another street's incident, with the reason on its reply topic", async () => {
    const refused = await neighbour.commands.incident('triage', { incidentId }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CommandRefused);
    expect((refused as CommandRefused).reply).toMatchObject({ ok: false, action: 'triage', incidentId, reason: `inc-street2 (street ${OTHER.streetId}) may not act on incident ${incidentId}: it is owned by street ${FIRE.streetId}` });
    // The broker lets nobody publish on another account's incident command topic (it closes the connection), nor a viewer on any.
    const forger = await connectOrRefusal(broker.urls.tcp, authority.credentials('inc-street2', 'forge'));
    forger.publish(wall.state.topics.incidentCommand(FIRE.streetId, 'inc-street'), JSON.stringify({ id: 'forged-0001', action: 'triage', incidentId }), { qos: 1 });
    expect(await closes(forger, 3000)).toBe(true);
    forger.end(true);
    const viewer = await connectOrRefusal(broker.urls.tcp, authority.credentials('viewer', 'forge'));
    viewer.publish(wall.state.topics.incidentCommand(CITY_UNIT, 'viewer'), JSON.stringify({ id: 'viewer-0001', action: 'triage', incidentId }), { qos: 1 });
    expect(await closes(viewer, 3000)).toBe(true);
    viewer.end(true);
    expect(wall.state.incidents.get(incidentId)!.status).toBe('reported');
    expect(wall.state.incidentList({ viewer: { tier: 'street', unitId: OTHER.streetId } }).map((i) => i.id)).not.toContain(incidentId);
  });

  it('proposes vehicles with ETAs, dispatches them (busy for every centre), moves them, and arrival sets on scene', async () => {
    await street.commands.incident('triage', { incidentId });
    const p = (await street.commands.incident('propose', { incidentId })).proposal!;
    expect(p.requirements).toEqual({ fire_engine: 2 });
    expect(p.vehicles.map((v) => v.kind)).toEqual(['fire_engine', 'fire_engine']);
    const ids = p.vehicles.map((v) => v.vehicleId);
    const second = (await district.commands.incident('create', { type: 'traffic', severity: 'low', lonLat: [OTHER.lonDeg, OTHER.latDeg] })).incidentId!;
    await street.commands.incident('dispatch', { incidentId, vehicleIds: ids });
    await neighbour.commands.incident('triage', { incidentId: second });
    await expect(neighbour.commands.incident('dispatch', { incidentId: second, vehicleIds: [ids[0]] })).rejects.toThrow(`vehicle ${ids[0]} is busy with incident ${incidentId}`);
    await waitFor(() => (wall.state.vehicles?.vehicles ?? []).some((v) => ids.includes(v.vehicleId) && v.state === 'en_route' && v.progress > 0), 3000, 'moving vehicles on the wall');
    await waitFor(() => wall.state.incidents.get(incidentId)?.status === 'on_scene', 5000, 'on scene by arrival');
    const i = wall.state.incidents.get(incidentId)!;
    expect(i.timeline.map((s) => s.action)).toEqual(['create', 'triage', 'dispatch', 'arrive', ...(i.timeline.length === 5 ? ['arrive'] : [])]);
    expect(i.timeline[3].by).toBeNull();
    expect(i.assignments.map((a) => a.etaS)).toEqual(p.vehicles.map((v) => v.etaS));
    await waitFor(() => wall.state.summary?.incidents?.byStatus.on_scene === 1, 3000, 'counts in the summary');
    expect(wall.state.summary!.incidents).toMatchObject({ open: 2, byTier: { street: 2, district: 0, city: 0 } });
  });

  it('shows a road closed by a district centre on every display (retained on closures) until it reopens', async () => {
    const r = await district.commands.incident('close_road', { lonLat: [FIRE.lonDeg, FIRE.latDeg], text: 'gas leak' });
    await waitFor(() => wall.state.closures?.closures.some((c) => c.id === r.closureId) ?? false, 2000, 'the closure on the wall');
    expect(wall.state.closures!.closures[0]).toMatchObject({ id: r.closureId, kind: 'manual', reason: 'gas leak', by: { username: 'inc-district', tier: 'district' } });
    await expect(neighbour.commands.incident('reopen_road', { closureId: r.closureId })).rejects.toThrow(`may not reopen ${r.closureId}: it was closed by district ${FIRE.districtId}`);
    await district.commands.incident('reopen_road', { closureId: r.closureId });
    await waitFor(() => wall.state.closures!.closures.length === 0, 2000, 'the reopening on the wall');
  });

  it('escalates to the district list and keeps the log across a hub crash and restart', async () => {
    await street.commands.incident('escalate', { incidentId, text: 'second building involved' });
    await waitFor(() => wall.state.incidents.get(incidentId)?.owner.tier === 'district', 2000, 'the escalation');
    expect(wall.state.incidentList({ viewer: { tier: 'district', unitId: FIRE.districtId }, ownerTier: ['district'] }).map((i) => i.id)).toEqual([incidentId]);
    await expect(street.commands.incident('resolve', { incidentId })).rejects.toThrow(`owned by district ${FIRE.districtId}`);
    await district.commands.incident('note', { incidentId, text: 'ladder truck requested' });
    await waitFor(() => wall.state.incidents.get(incidentId)!.timeline.at(-1)!.action === 'note', 2000, 'the note on the wall');
    await hub.writer!.flush();
    const before = wall.state.incidents.get(incidentId)!;
    hub.kill();
    hub = incidentHub();
    await hub.start();
    const restored = hub.incidents!.book.incidents.get(incidentId)!;
    expect(restored.timeline).toEqual(before.timeline);
    expect(restored.owner).toEqual({ tier: 'district', unitId: FIRE.districtId });
    // Busy vehicles stay busy after the restart.
    expect([...hub.incidents!.book.busyVehicles().keys()].sort()).toEqual(before.assignments.map((a) => a.vehicleId).sort());
    const r = await district.commands.incident('resolve', { incidentId });
    expect(r.ok).toBe(true);
    await waitFor(() => wall.state.incidents.get(incidentId)?.status === 'resolved', 2000, 'resolved after the restart');
    await hub.writer!.flush();
    const { rows } = await sql.query<{ action: string; by_user: string | null }>('SELECT action, by_user FROM incident_events WHERE incident_id = $1 ORDER BY seq', [incidentId]);
    expect(rows.map((x) => x.action)).toEqual(wall.state.incidents.get(incidentId)!.timeline.map((s) => s.action));
    expect(rows.at(-1)).toEqual({ action: 'resolve', by_user: 'inc-district' });
    const cmds = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM commands WHERE incident_id = $1 AND action LIKE 'incident.%'", [incidentId]);
    expect(cmds.rows[0].n).toBeGreaterThanOrEqual(6);
  });
});
