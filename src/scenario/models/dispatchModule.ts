import type { Fleet, Incident, UnitKind } from '../../dispatch/Fleet';
import { planDispatch } from '../../dispatch/planDispatch';
import type { RouteResult } from '../../route/RouteResult';
import { throwIfCancelled } from '../../sim/core/SimCancelledError';
import { lineFeature, pointFeature, type Feature } from '../layers/GeoJson';
import { frameAt } from '../run/frameTimes';
import type { ModuleContext, ModuleOutput, RunModule } from '../run/ModuleContext';
import type { EventOf, Fleet as FleetCounts, Scenario } from '../schema/Scenario';
import { applyClosures } from './applyClosures';

/** Scenario fleet keys to src/dispatch unit kinds. */
const KIND: Record<keyof FleetCounts, UnitKind> = { fireEngine: 'fire_engine', ambulance: 'ambulance', policeCar: 'police_car' };
export const DISPATCH_DEFAULTS = { turnoutS: 60, objective: 'total' as 'total' | 'worst' };

function unitCounts(f: FleetCounts | undefined): Partial<Record<UnitKind, number>> | undefined {
  return f && Object.fromEntries(Object.entries(f).map(([k, n]) => [KIND[k as keyof FleetCounts], n]));
}

/**
 * The city's stations and vehicles (its package's resources), with the settings' fleets replacing
 * what is based at each kind of station they name, plus addStation interventions.
 */
export function scenarioFleet(s: Scenario, ctx: Pick<ModuleContext, 'city'>): Fleet {
  const d = s.models?.dispatch;
  const per: Record<string, Partial<Record<UnitKind, number>>> = {};
  const set = (kind: string, f: FleetCounts | undefined) => { if (f) per[kind] = unitCounts(f)!; };
  set('fire_station', d?.fireStationFleet);
  set('hospital', d?.hospitalFleet);
  set('police', d?.policeFleet);
  const fleet = ctx.city.fleet(per);
  for (const i of s.interventions) {
    if (i.kind !== 'addStation') continue;
    fleet.stations.push({ id: i.id, name: i.name, kind: 'added', lonLat: [i.lonDeg, i.latDeg] });
    for (const [kind, n] of Object.entries(unitCounts(i.fleet)!)) for (let k = 1; k <= (n ?? 0); k++) fleet.units.push({ id: `${i.id}/${kind}-${k}`, kind: kind as UnitKind, stationId: i.id, available: true });
  }
  return fleet;
}

/** Position (lon/lat) along a route `t` seconds after leaving. */
function along(r: RouteResult, t: number): [number, number] {
  const c = r.coordsLonLat, T = r.cumulativeS;
  if (t <= 0) return c[0];
  for (let k = 1; k < c.length; k++) {
    if (t <= T[k]) { const f = (t - T[k - 1]) / Math.max(1e-9, T[k] - T[k - 1]); return [c[k - 1][0] + f * (c[k][0] - c[k - 1][0]), c[k - 1][1] + f * (c[k][1] - c[k - 1][1])]; }
  }
  return c[c.length - 1];
}

type Inc = EventOf<'incident'>;
interface Sent { incident: Inc; unitIds: string[]; departS: number; route: RouteResult }

/**
 * Multi-unit dispatch with src/dispatch: incidents at the same time are planned together (min-cost
 * matching of units to requirement slots on the router's ETAs, closures and flood closures of that
 * time included); units sent stay busy for later incidents. Times count from each incident's call:
 * turnout then the drive. The worst incident gives the headline KPIs.
 */
export const dispatchModule: RunModule = {
  name: 'dispatch',
  async run(ctx: ModuleContext): Promise<ModuleOutput> {
    const s = ctx.scenario, o = { ...DISPATCH_DEFAULTS, ...s.models?.dispatch }, router = ctx.city.newRouter(), fleet = scenarioFleet(s, ctx);
    if (fleet.units.length === 0) throw new Error(`dispatch: city "${ctx.city.name}" has no emergency vehicles (its resources list ${fleet.stations.length} stations and no vehicles): nothing to dispatch`);
    const incidents = s.events.filter((e): e is Inc => e.kind === 'incident').sort((a, b) => a.atS - b.atS);
    const times = [...new Set(incidents.map((i) => i.atS))];
    const first: number[] = [], team: number[] = [], etas: number[] = [], sent: Sent[] = [];
    let unmet = 0;
    for (const [n, t] of times.entries()) {
      throwIfCancelled(ctx.signal, t);
      applyClosures(router, s, t, ctx.shared, frameAt(ctx.timesS, t));
      const group = incidents.filter((i) => i.atS === t);
      const asked: Incident[] = group.map((i) => ({ id: i.id, lonLat: [i.lonDeg, i.latDeg], kind: i.incidentKind, requirements: unitCounts(i.requirements)! }));
      const plan = planDispatch(router, fleet, asked, { objective: o.objective });
      const busy = new Set(plan.assignments.map((a) => a.unitId));
      for (const u of fleet.units) if (busy.has(u.id)) u.available = false;
      for (const r of plan.incidents) { first.push(r.firstArrivalS + o.turnoutS); team.push(r.teamOnSceneS + o.turnoutS); }
      for (const a of plan.assignments) etas.push(a.etaS + o.turnoutS);
      unmet += plan.unfilled.reduce((sum, u) => sum + u.missing, 0);
      for (const r of plan.routes) if (r.route) sent.push({ incident: group.find((i) => i.id === r.incidentId)!, unitIds: r.unitIds, departS: t + o.turnoutS, route: r.route });
      ctx.onProgress((n + 1) / times.length);
    }
    const worst = (xs: number[]) => (xs.length === 0 ? null : xs.some((x) => !Number.isFinite(x)) ? null : Math.round(Math.max(...xs)));
    const onScene = ctx.timesS.map((t) => sent.reduce((c, x) => c + (t >= x.departS + x.route.seconds ? x.unitIds.length : 0), 0));
    const unitFrames: Feature[][] = ctx.timesS.map((t) => sent.filter((x) => t >= x.incident.atS).map((x) => pointFeature(...along(x.route, t - x.departS), { units: x.unitIds.join(', '), incident: x.incident.id })));
    return {
      kpis: {
        firstArrivalS: worst(first), fullResponseS: worst(team), unmetUnits: unmet,
        meanUnitEtaS: etas.length ? Math.round(etas.reduce((a, b) => a + b, 0) / etas.length) : null,
      },
      series: [{ id: 'unitsOnScene', label: 'Units on scene', unit: '', values: onScene }],
      layers: [
        { id: 'incidents', title: 'Incidents', style: { color: '#ef4444', pointSizePx: 12 }, features: incidents.map((i) => pointFeature(i.lonDeg, i.latDeg, { id: i.id, kind: i.incidentKind, atS: i.atS })) },
        { id: 'dispatch-routes', title: 'Routes of dispatched units', style: { color: '#f97316', lineWidthPx: 3 }, features: sent.map((x) => lineFeature(x.route.coordsLonLat, { incident: x.incident.id, units: x.unitIds.join(', '), etaS: Math.round(x.route.seconds) })) },
        { id: 'units', title: 'Units en route / on scene', style: { color: '#fde047', pointSizePx: 8 }, frames: unitFrames },
      ],
    };
  },
};
