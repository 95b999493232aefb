import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClosuresMessage } from '../../../src/hub/closures/RoadClosure';
import { REOPEN_GAIN_S } from '../../../src/hub/closures/rerouteVehicles';
import type { IncidentReply } from '../../../src/hub/incidents/IncidentDesk';
import { IncidentService } from '../../../src/hub/incidents/IncidentService';
import { incidentSetup, type IncidentSetup } from '../../../src/hub/incidents/incidentSetup';
import { pointAlong } from '../../../src/hub/incidents/TripLeg';
import type { VehiclePosition } from '../../../src/hub/incidents/VehicleMotion';
import type { FloodRunMessage } from '../../../src/hub/runs/floodRunMessage';
import { HubStore } from '../../../src/hub/store/HubStore';
import { openPglite } from '../../../src/hub/store/openSql';
import type { SqlClient } from '../../../src/hub/store/SqlClient';
import { StoreWriter } from '../../../src/hub/store/StoreWriter';
import { hubTopics } from '../../../src/hub/topics';
import { overrideSegmentAt } from '../../../src/route/roadClosures';
import type { RouteResult } from '../../../src/route/RouteResult';
import type { SignsStore } from '../../../src/signs/SignsStore';
import type { SensorRegistry } from '../../../src/signs/registry/SensorInfo';
import { demoPackage, demoRegistry } from '../../support/demoPackage';
import { tempDataDir } from '../signs/feedTestKit';
import { waitFor } from '../signs/netUtil';

const CITY_UNIT = '510100';
const topics = hubTopics('demo');
const data = tempDataDir();
let setup: IncidentSetup, registry: SensorRegistry, sql: SqlClient, store: HubStore, writer: StoreWriter, svc: IncidentService;
let now = Date.UTC(2026, 11, 1, 8, 0, 0), seq = 0;
const published: Array<{ topic: string; payload: string }> = [];

function service(): IncidentService {
  return new IncidentService({
    setup, hubId: 'hub-r', cityUnitId: CITY_UNIT, topics, registry, signs: { alerts: new Map() } as unknown as SignsStore, store, writer,
    publish: (topic, payload) => published.push({ topic, payload }), clock: () => now,
  });
}

/** Sends an incident command as `user` of `unit` and waits for the hub's reply (a flood closure answers later). */
async function send(unit: string, user: string, cmd: Record<string, unknown>): Promise<IncidentReply> {
  const id = `cmd-${String(++seq).padStart(6, '0')}`;
  await Promise.all(await svc.command(unit, user, new TextEncoder().encode(JSON.stringify({ id, ...cmd }))));
  const find = () => published.find((p) => p.topic === topics.reply(user) && p.payload.includes(`"id":"${id}"`));
  await waitFor(() => find() !== undefined, 20_000, `the reply to ${cmd.action}`);
  return JSON.parse(find()!.payload) as IncidentReply;
}
const city = (cmd: Record<string, unknown>) => send(CITY_UNIT, 'op-city', cmd);
const latest = <T>(topic: string): T => JSON.parse(published.filter((p) => p.topic === topic).at(-1)!.payload) as T;
const vehicle = (id: string, atMs = now): VehiclePosition => svc.motion.message(atMs).vehicles.find((v) => v.vehicleId === id)!;
const tripOf = (id: string) => [...svc.motion.all()].find((t) => t.vehicleId === id)!;
const midpoint = (a: number): [number, number] => {
  const g = setup.router!.graph, ll = g.nodeLonLatDeg, u = g.arcFrom[a], v = g.arcTo[a];
  return [(ll[2 * u] + ll[2 * v]) / 2, (ll[2 * u + 1] + ll[2 * v + 1]) / 2];
};

/** A scene and a vehicle with a long drive, and a segment halfway whose closure costs it a detour of a minute or more. */
function longTrip(): { scene: [number, number]; vehicleId: string; route: RouteResult; closeAt: [number, number] } {
  const d = setup.dispatcher!, router = setup.router!;
  for (const s of registry.sensors.filter((_, k) => k % 17 === 3)) {
    const scene: [number, number] = [s.lonDeg, s.latDeg];
    const u = d.fleet.units.find((x) => (d.route(x.id, scene)?.arcs.length ?? 0) >= 20);
    const route = u && d.route(u.id, scene);
    if (!u || !route) continue;
    for (let j = Math.floor(route.arcs.length * 0.5); j < route.arcs.length * 0.8; j++) {
      const closeAt = midpoint(route.arcs[j]);
      overrideSegmentAt(router, closeAt);
      const detour = router.route(d.station(u.stationId)!.lonLat, scene);
      router.overrides.clear();
      if (detour && detour.seconds > route.seconds + 60) return { scene, vehicleId: u.id, route, closeAt };
    }
  }
  throw new Error('no trip of the demo city has a closable segment with a detour');
}

beforeAll(async () => {
  [setup, registry] = await Promise.all([demoPackage().then(incidentSetup), demoRegistry()]);
  sql = await openPglite(`${data.dir}/pglite`);
  store = await HubStore.open(sql, 'hub-r');
  writer = new StoreWriter(store);
  svc = service();
  await svc.restore();
}, 60_000);
afterAll(async () => {
  svc?.stop();
  await writer?.close();
  await sql?.close();
  data.remove();
});

describe('Road closures in the hub', () => {
  let incidentId = '', vehicleId = '', closureId = '', closeAt: [number, number] = [0, 0];

  it('re-routes a vehicle under way around a road closed ahead of it: a new leg avoiding it, a later ETA, who closed what on the timeline', async () => {
    const trip = longTrip();
    ({ vehicleId, closeAt } = trip);
    incidentId = (await city({ action: 'create', type: 'fire', severity: 'critical', lonLat: trip.scene })).incidentId!;
    await city({ action: 'triage', incidentId });
    expect(await city({ action: 'dispatch', incidentId, vehicleIds: [vehicleId] })).toMatchObject({ ok: true });
    now += trip.route.seconds * 200; // a fifth of the way
    const before = vehicle(vehicleId);
    const t0 = performance.now();
    const r = await city({ action: 'close_road', lonLat: closeAt, incidentId, text: 'burst water main' });
    console.log(`close_road + re-route of 1 vehicle: ${(performance.now() - t0).toFixed(1)} ms`);
    expect(r).toMatchObject({ ok: true, action: 'close_road', incidentId, rerouted: [{ vehicleId, incidentId, etaBeforeMs: before.etaMs }] });
    closureId = r.closureId!;
    const after = r.rerouted![0].etaAfterMs!;
    expect(after).toBeGreaterThan(before.etaMs! + 30_000);
    const closed = svc.closures!.book.closures.get(closureId)!.segments[0].arcs;
    const leg = tripOf(vehicleId).leg;
    expect(leg.startedAtMs).toBe(now);
    expect(leg.route!.arcs.filter((a) => closed.includes(a))).toEqual([]);
    // It goes on from where it was (no jump), and arrives at the new ETA.
    expect(vehicle(vehicleId).lonLat[0]).toBeCloseTo(before.lonLat[0], 9);
    expect(vehicle(vehicleId).lonLat[1]).toBeCloseTo(before.lonLat[1], 9);
    expect(vehicle(vehicleId)).toMatchObject({ state: 'en_route', etaMs: after, legFromMs: now, departedAtMs: before.departedAtMs });
    const i = latest<{ timeline: Array<Record<string, unknown>>; assignments: Array<Record<string, unknown>> }>(topics.incident(incidentId));
    const by = { username: 'op-city', tier: 'city', unitId: CITY_UNIT };
    expect(i.timeline.slice(-2)).toMatchObject([
      { action: 'close_road', by, closureId, text: expect.stringContaining('closed: burst water main') },
      { action: 'reroute', by, closureId, vehicleIds: [vehicleId], etaMs: { from: before.etaMs, to: after }, text: expect.stringContaining(`${vehicleId} re-routed`) },
    ]);
    expect(i.assignments[0].rerouted).toEqual({ atMs: now, etaMs: after });
    const m = latest<ClosuresMessage>(topics.closures);
    expect(m.closures).toMatchObject([{ id: closureId, kind: 'manual', reason: 'burst water main', incidentId, by, segmentsLonLat: expect.any(Array) }]);
    expect(m.closures[0].segmentsLonLat).toHaveLength(4);
    // A dispatch from now on routes around it too.
    expect(setup.router!.route(trip.closeAt, trip.scene)?.arcs.some((a) => closed.includes(a)) ?? false).toBe(false);
  });

  it("refuses closures an account may not make or that make no sense, with the reason on its reply topic", async () => {
    const here = setup.places.locate(closeAt)!;
    const idx = setup.places.index, other = idx.ids.find((id, k) => idx.levels[k] === 2 && id !== here.streetId)!;
    const refused = async (unit: string, user: string, cmd: Record<string, unknown>) => (await send(unit, user, cmd)).reason;
    expect(await refused(other, 'op-street', { action: 'close_road', lonLat: closeAt })).toMatch(new RegExp(`^op-street \\(street ${other}\\) may not close a road outside its street: .* lies in street ${here.streetId} of district ${here.districtId}$`));
    expect(await refused(CITY_UNIT, 'op-city', { action: 'close_road', lonLat: closeAt })).toMatch(new RegExp(`is already closed \\(${closureId}\\)$`));
    expect(await refused(CITY_UNIT, 'op-city', { action: 'close_road', lonLat: [100, 10] })).toBe("[100, 10] lies outside the city's units");
    expect(await refused(CITY_UNIT, 'op-city', { action: 'close_road', lonLat: ['104', 30] })).toBe('lonLat: expected [lonDeg, latDeg], finite numbers');
    expect(await refused(CITY_UNIT, 'op-city', { action: 'close_road', lonLat: closeAt, incidentId: 'INC-nope' })).toBe('no incident INC-nope');
    expect(await refused(CITY_UNIT, 'op-city', { action: 'reopen_road', closureId: 'CLO-nope' })).toBe('no open road closure CLO-nope');
    expect(await refused(here.streetId, 'op-street', { action: 'reopen_road', closureId })).toBe(`op-street (street ${here.streetId}) may not reopen ${closureId}: it was closed by city ${CITY_UNIT}`);
    expect(await refused(CITY_UNIT, 'op-city', { action: 'close_flooded_roads', run: 'storm-1' })).toBe('no flood run is published on runs/flood');
    expect(await refused(CITY_UNIT, 'op-city', { action: 'close_flooded_roads', run: 'storm-1', depthM: 9 })).toBe('depthM: expected metres of water from 0.05 to 3');
    expect(svc.closures!.book.closures.size).toBe(1);
  });

  it('keeps closures and re-routed trips across a restart: the same closures, each vehicle on the leg it drives', async () => {
    await writer.flush();
    const again = service();
    await again.restore();
    expect(again.closures!.book.message(now)).toEqual(svc.closures!.book.message(now));
    for (const dt of [0, 30_000, 120_000]) expect(again.motion.message(now + dt)).toEqual(svc.motion.message(now + dt));
    svc.stop();
    svc = again;
    const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM road_closures WHERE reopened_at IS NULL');
    expect(rows[0].n).toBe(1);
  });

  it('reopens: the vehicle takes the faster road again, and the timeline says so', async () => {
    const before = vehicle(vehicleId).etaMs!;
    const r = await city({ action: 'reopen_road', closureId });
    expect(r).toMatchObject({ ok: true, closureId, incidentId, rerouted: [{ vehicleId, etaBeforeMs: before }] });
    expect(r.rerouted![0].etaAfterMs!).toBeLessThan(before - REOPEN_GAIN_S * 1000);
    expect(latest<ClosuresMessage>(topics.closures).closures).toEqual([]);
    const steps = svc.book.incidents.get(incidentId)!.timeline.slice(-2);
    expect(steps.map((s) => [s.action, s.closureId])).toEqual([['reopen_road', closureId], ['reroute', closureId]]);
    await writer.flush();
    const { rows } = await sql.query<{ reopened_by: string }>('SELECT reopened_by FROM road_closures WHERE id = $1 AND reopened_at IS NOT NULL', [closureId]);
    expect(rows).toEqual([{ reopened_by: 'op-city' }]);
  });

  it('stops a vehicle no route reaches any more, says so, and sends it on when a road reopens', async () => {
    const g = setup.router!.graph, ll = g.nodeLonLatDeg, t = tripOf(vehicleId);
    const at = pointAlong(t.leg.route!, svc.motion.drivenS(t, now)), next = t.leg.route!.coordsLonLat[at.k + 1];
    let node = -1;
    for (let v = 0; v < g.nodeCount && node < 0; v++) if (ll[2 * v] === next[0] && ll[2 * v + 1] === next[1]) node = v;
    expect(node).toBeGreaterThanOrEqual(0);
    // Every road at the crossing it drives to next is closed: from there it can go nowhere.
    const around = new Map<string, number>();
    for (let a = 0; a < g.arcCount; a++) if (g.arcFrom[a] === node || g.arcTo[a] === node) around.set([g.arcFrom[a], g.arcTo[a]].sort().join(), a);
    const ids: string[] = [];
    let last: IncidentReply | null = null;
    for (const a of around.values()) { last = await city({ action: 'close_road', lonLat: midpoint(a), text: 'crossing sealed off' }); ids.push(last.closureId!); }
    expect(last!.rerouted).toMatchObject([{ vehicleId, etaAfterMs: null }]);
    expect(vehicle(vehicleId)).toMatchObject({ state: 'stopped', etaMs: null });
    expect(svc.motion.arrivals(now + 86_400_000)).toEqual([]);
    expect(svc.book.incidents.get(incidentId)!.timeline.at(-1)).toMatchObject({ action: 'reroute', etaMs: { to: null }, text: expect.stringContaining('no route to the scene: stopped until a road reopens') });
    const r = await city({ action: 'reopen_road', closureId: ids[0] });
    expect(r.rerouted).toMatchObject([{ vehicleId, etaBeforeMs: null, etaAfterMs: expect.any(Number) }]);
    expect(vehicle(vehicleId).state).toBe('en_route');
    for (const id of ids.slice(1)) await city({ action: 'reopen_road', closureId: id });
  });

  it('closes the roads a published flood run floods deeper than asked, after running it itself (answered when done)', async () => {
    const scenario = {
      kind: 'flood', name: 'cloudburst', city: 'demo', grid: { cellSizeM: 10, bboxM: [-150, -150, 150, 150] }, durationS: 900, outputIntervalS: 300,
      rainfall: { timesS: [0], mmPerHour: [400] }, drainageMmPerHour: 0, boundaries: { west: 'closed', east: 'closed', south: 'closed', north: 'closed' },
    };
    const run: FloodRunMessage = { v: 1, run: 'storm-1', scenario, frame: { index: 2, timeS: 900 }, by: 'op-city', atMs: now };
    svc.takeFloodRun(new TextEncoder().encode(JSON.stringify(run)));
    expect((await city({ action: 'close_flooded_roads', run: 'storm-0' })).reason).toBe('flood run storm-0 is not the one published on runs/flood (storm-1)');
    const t0 = performance.now();
    const r = await city({ action: 'close_flooded_roads', run: 'storm-1', depthM: 0.1, text: 'cloudburst' });
    console.log(`close_flooded_roads (flood run computed by the hub): ${(performance.now() - t0).toFixed(0)} ms`);
    expect(r).toMatchObject({ ok: true, action: 'close_flooded_roads' });
    const c = svc.closures!.book.closures.get(r.closureId!)!;
    expect(c).toMatchObject({ kind: 'flood', reason: 'cloudburst', flood: { run: 'storm-1', frameIndex: 2, timeS: 900, depthM: 0.1, outsideArea: 0, alreadyClosed: 0 } });
    expect(c.flood!.samples).toBeGreaterThan(0);
    expect(c.segments.length).toBeGreaterThan(0);
    // The run is kept: another frame or depth is answered without running it again.
    expect((await city({ action: 'close_flooded_roads', run: 'storm-1', frameIndex: 0, depthM: 3 })).reason).toBe('no road to close at frame 0 of flood run storm-1: 0 road samples deeper than 3 m');
    expect((await city({ action: 'reopen_road', closureId: c.id })).ok).toBe(true);
  });
});
