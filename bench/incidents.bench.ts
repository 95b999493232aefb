/**
 * Incident bench on the demo city (pure, no broker): what the hub spends per incident command.
 * - propose: the dispatch proposal for one incident (planDispatch over the free fleet: station x
 *   scene travel-time table + min-cost assignment), beside its peer, one point-to-point route
 *   between the same places (what a dispatch computes per vehicle);
 * - lifecycle: create + triage + note + resolve + close through the IncidentBook (rights,
 *   ownership, unit lookup), beside JSON.stringify of the incident (what publishing it costs);
 * - motion: positions of every fleet vehicle in one tick, per vehicle;
 * - re-route: a road closed ahead of one vehicle while every fleet vehicle drives (a third of the
 *   way): rerouteVehicles checks them all and re-routes those the closure concerns; per closure
 *   and per vehicle re-routed, beside the point-to-point route peer.
 * Timings in ms (median of the runs), each beside its peer as a ratio; never asserted.
 */
import { rerouteVehicles } from '../src/hub/closures/rerouteVehicles';
import { IncidentBook } from '../src/hub/incidents/IncidentBook';
import { overrideSegmentAt } from '../src/route/roadClosures';
import type { IncidentCommand } from '../src/hub/incidents/incidentCommand';
import { incidentSetup } from '../src/hub/incidents/incidentSetup';
import { legOf } from '../src/hub/incidents/TripLeg';
import { VehicleMotion } from '../src/hub/incidents/VehicleMotion';
import { demoPackage, demoRegistry } from '../test/support/demoPackage';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r3 = (x: number) => Math.round(x * 1000) / 1000;

function timeEach<T>(items: T[], fn: (x: T) => unknown): number {
  const out: number[] = [];
  for (const x of items) { const t0 = performance.now(); fn(x); out.push(performance.now() - t0); }
  return median(out);
}

export async function run(): Promise<object> {
  const setup = await incidentSetup(await demoPackage());
  const d = setup.dispatcher!;
  const scenes = (await demoRegistry()).sensors.filter((_, k) => k % 45 === 1).slice(0, 100).map((s) => [s.lonDeg, s.latDeg] as [number, number]);
  let now = Date.UTC(2026, 0, 1), seq = 0;
  const book = new IncidentBook({ hubId: 'bench', cityUnitId: '510100', locate: (p) => setup.places.locate(p), alertFacts: () => null, dispatcher: d, clock: () => now });
  const city = { username: 'bench', tier: 'city' as const, unitId: '510100' };
  const cmd = (c: Omit<IncidentCommand, 'id'>): IncidentCommand => ({ id: `bench-${String(++seq).padStart(8, '0')}`, ...c });
  const made = scenes.map((p) => book.apply(cmd({ action: 'create', type: 'fire', severity: 'critical', lonLat: p }), city)).map((r) => ('incident' in r ? r.incident : null)).filter((x) => x !== null);
  for (const i of made.slice(0, 10)) { book.apply(cmd({ action: 'triage', incidentId: i.id }), city); book.apply(cmd({ action: 'propose', incidentId: i.id }), city); }
  const proposeMs = timeEach(made, (i) => d.propose(i, new Set()));
  const station = d.fleet.stations[0].lonLat;
  const routeMs = timeEach(scenes, (p) => d.route(d.fleet.units[0].id, p) ?? station);
  const lifecycleMs = timeEach(scenes, (p) => {
    now += 1000;
    const r = book.apply(cmd({ action: 'create', type: 'traffic', severity: 'critical', lonLat: p }), city);
    if (!('incident' in r)) return;
    for (const action of ['triage', 'note', 'resolve', 'close'] as const) {
      const out = book.apply(cmd({ action, incidentId: r.incident.id, ...(action === 'note' ? { text: 'bench' } : {}) }), city);
      if ('refused' in out) throw new Error(`incidents bench: ${action} refused: ${out.refused}`);
    }
  });
  const stringifyMs = timeEach(made, (i) => JSON.stringify(i));
  const motion = new VehicleMotion(1);
  d.fleet.units.forEach((u, k) => { const r = d.route(u.id, scenes[k % scenes.length]); if (r) motion.start({ vehicleId: u.id, kind: u.kind, incidentId: `x${k % scenes.length}`, departedAtMs: 0 }, legOf(r, 0)); });
  const tickMs = timeEach(Array.from({ length: 50 }, (_, k) => k * 1000), (t) => motion.message(t));
  const reroute = rerouteBench(motion, setup.router!, scenes);
  return {
    city: 'demo', incidents: made.length, vehicles: d.fleet.units.length, stations: d.fleet.stations.length,
    proposeMs: r3(proposeMs), routePeerMs: r3(routeMs), proposeOverRoute: r3(proposeMs / routeMs),
    lifecycle5CommandsMs: r3(lifecycleMs), stringifyPeerMs: r3(stringifyMs), lifecycleOverStringify: r3(lifecycleMs / stringifyMs),
    motionTickMs: r3(tickMs), motionPerVehicleUs: r3((tickMs * 1000) / motion.size), movingVehicles: motion.size,
    rerouteClosureMs: r3(reroute.perClosureMs), reroutedPerClosure: r3(reroute.reroutedPerClosure), reroutePerVehicleMs: r3(reroute.perVehicleMs),
    reroutePerVehicleOverRoute: r3(reroute.perVehicleMs / routeMs),
  };
}

/** Closes a segment 60 % along one moving vehicle's route at a time and re-routes the fleet (legs not applied: each closure starts from the same state). */
function rerouteBench(motion: VehicleMotion, router: NonNullable<Awaited<ReturnType<typeof incidentSetup>>['router']>, scenes: Array<[number, number]>): { perClosureMs: number; reroutedPerClosure: number; perVehicleMs: number } {
  const trips = [...motion.all()].filter((t) => (t.leg.route?.arcs.length ?? 0) >= 10).slice(0, 30);
  const g = router.graph, ll = g.nodeLonLatDeg, times: number[] = [];
  let rerouted = 0;
  for (const t of trips) {
    const arcs = t.leg.route!.arcs, a = arcs[Math.floor(arcs.length * 0.6)], now = t.departedAtMs + (t.leg.route!.seconds * 1000) / 3;
    overrideSegmentAt(router, [(ll[2 * g.arcFrom[a]] + ll[2 * g.arcTo[a]]) / 2, (ll[2 * g.arcFrom[a] + 1] + ll[2 * g.arcTo[a] + 1]) / 2]);
    const t0 = performance.now();
    rerouted += rerouteVehicles(motion, router, (id) => scenes[Number(id.slice(1))] ?? null, now, 'closed').length;
    times.push(performance.now() - t0);
    router.overrides.clear();
  }
  const total = times.reduce((x, y) => x + y, 0);
  return { perClosureMs: median(times), reroutedPerClosure: rerouted / trips.length, perVehicleMs: total / Math.max(1, rerouted) };
}
