import type { RouteResult } from '../route/RouteResult';
import type { Router } from '../route/Router';
import { assignUnits, type AssignmentPlan, type DispatchObjective } from './assignUnits';
import type { Fleet, Incident } from './Fleet';
import { rankUnits, type RankedUnit } from './rankUnits';

/** An assignment plan with the route each dispatched unit drives (shared per station and incident). */
export interface DispatchPlan extends AssignmentPlan {
  /** Station x incident travel-time table used (s), row-major [station * incidents + incident]. */
  etaTableS: number[];
  routes: Array<{ stationId: string; incidentId: string; unitIds: string[]; route: RouteResult | null }>;
}

/**
 * Plans the response to simultaneous incidents on the router's network (closures included): a
 * station x incident travel-time table, min-cost assignment (assignUnits), and one route per
 * station-incident pair used, as lon/lat lines with per-vertex times for the views.
 */
export function planDispatch(router: Router, fleet: Fleet, incidents: Incident[], opts: { objective?: DispatchObjective; routes?: boolean } = {}): DispatchPlan {
  const table = router.travelTimeTable(fleet.stations.map((s) => s.lonLat), incidents.map((i) => i.lonLat));
  const plan = assignUnits(fleet, incidents, table, opts.objective ?? 'total');
  const pairs = new Map<string, { stationId: string; incidentId: string; unitIds: string[] }>();
  for (const a of plan.assignments) {
    const key = `${a.stationId}\u0000${a.incidentId}`;
    const entry = pairs.get(key) ?? { stationId: a.stationId, incidentId: a.incidentId, unitIds: [] };
    entry.unitIds.push(a.unitId);
    pairs.set(key, entry);
  }
  const station = new Map(fleet.stations.map((s) => [s.id, s]));
  const incident = new Map(incidents.map((i) => [i.id, i]));
  const routes = opts.routes === false ? [] : [...pairs.values()].map((p) => ({
    ...p, route: router.route(station.get(p.stationId)!.lonLat, incident.get(p.incidentId)!.lonLat),
  }));
  return { ...plan, etaTableS: Array.from(table), routes };
}

/** Available units ranked by ETA to one incident location (optionally one kind, the first `limit`). */
export function rankUnitsFor(router: Router, fleet: Fleet, incident: Pick<Incident, 'lonLat'>, opts: Parameters<typeof rankUnits>[2] = {}): RankedUnit[] {
  const column = router.travelTimeTable(fleet.stations.map((s) => s.lonLat), [incident.lonLat]);
  return rankUnits(fleet, column, opts);
}
