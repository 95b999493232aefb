import type { RoadGraph } from '../../route/RoadGraph';
import type { Router } from '../../route/Router';
import type { RouteResult } from '../../route/RouteResult';
import { legOf, pointAlong, type LegRoute, type TripLeg } from '../incidents/TripLeg';
import type { Trip, VehicleMotion } from '../incidents/VehicleMotion';

/** A reopened road re-routes a vehicle under way only when it brings it at least this much sooner (s of route time). */
export const REOPEN_GAIN_S = 10;

/** One vehicle given a new leg. */
export interface Reroute {
  vehicleId: string;
  incidentId: string;
  /** Arrival before and after (epoch ms; null: no route, the vehicle stands still). */
  etaBeforeMs: number | null;
  etaAfterMs: number | null;
  leg: TripLeg;
}

/**
 * Re-routes the vehicles under way after the closures changed (the router's overrides already
 * hold the new set):
 * - 'closed': each vehicle whose route ahead (past the segment it is on, which it drives to its end)
 *   uses a closed arc, or ends on a closed segment, gets a new leg: on to the end of its segment, then
 *   the fastest open route to its scene; with none it stops where it is (etaAfterMs null);
 * - 'reopened': a stopped vehicle gets a route when there is one again, and a vehicle under way
 *   switches when the reopened roads bring it REOPEN_GAIN_S sooner.
 * Arrived vehicles are left alone. Pure: the caller applies the legs to `motion`.
 */
export function rerouteVehicles(motion: VehicleMotion, router: Router, sceneOf: (incidentId: string) => [number, number] | null, nowMs: number, change: 'closed' | 'reopened'): Reroute[] {
  const out: Reroute[] = [];
  for (const t of motion.all()) {
    const scene = t.arrived ? null : sceneOf(t.incidentId);
    if (!scene) continue;
    const leg = change === 'closed' ? aroundClosures(t, motion, router, scene, nowMs) : throughReopened(t, motion, router, scene, nowMs);
    if (!leg) continue;
    const after = leg.route ? leg.startedAtMs + (leg.route.seconds * 1000) / motion.speedup : null;
    out.push({ vehicleId: t.vehicleId, incidentId: t.incidentId, etaBeforeMs: roundOrNull(motion.etaMs(t)), etaAfterMs: roundOrNull(after), leg });
  }
  return out;
}

function aroundClosures(t: Readonly<Trip>, motion: VehicleMotion, router: Router, scene: [number, number], nowMs: number): TripLeg | null {
  const route = t.leg.route;
  if (!route) return null;
  const s = motion.drivenS(t, nowMs), at = pointAlong(route, s);
  if (at.k + 1 >= route.coordsLonLat.length - 1) return null; // on its last stretch: it arrives
  const o = router.overrides, closed = (a: number) => a >= 0 && o.factorOf(a) === Infinity;
  const end = endStretchArcs(route, router);
  if (!arcsAhead(route, at.k, router.graph).some(closed) && !end.some(closed)) return null;
  return fromNextVertex(route, s, at.lonLat, at.k, router, scene, nowMs) ?? { startedAtMs: nowMs, route: null, stoppedLonLat: at.lonLat };
}

function throughReopened(t: Readonly<Trip>, motion: VehicleMotion, router: Router, scene: [number, number], nowMs: number): TripLeg | null {
  const route = t.leg.route;
  if (!route) {
    const found = t.leg.stoppedLonLat && routeFrom(router, t.leg.stoppedLonLat, scene);
    return found ? legOf(found, nowMs) : null;
  }
  const s = motion.drivenS(t, nowMs), at = pointAlong(route, s);
  if (at.k + 1 >= route.coordsLonLat.length - 1) return null;
  const leg = fromNextVertex(route, s, at.lonLat, at.k, router, scene, nowMs);
  return leg?.route && leg.route.seconds <= route.seconds - s - REOPEN_GAIN_S ? leg : null;
}

/** A leg from `lonLat` (s seconds along `route`, between vertices k and k + 1) on to vertex k + 1, then the fastest route from there; null without one. */
function fromNextVertex(route: LegRoute, s: number, lonLat: [number, number], k: number, router: Router, scene: [number, number], nowMs: number): TripLeg | null {
  const next = route.coordsLonLat[k + 1];
  const found = routeFrom(router, next, scene);
  if (!found) return null;
  const toNextS = Math.max(0, route.cumulativeS[k + 1] - s);
  const coords: Array<[number, number]> = [lonLat], cum = [0];
  const add = (p: [number, number], tS: number) => {
    const last = coords[coords.length - 1];
    if (last[0] === p[0] && last[1] === p[1]) cum[cum.length - 1] = tS;
    else { coords.push(p); cum.push(tS); }
  };
  add(next, toNextS);
  found.coordsLonLat.forEach((p, i) => add(p, toNextS + found.cumulativeS[i]));
  return { startedAtMs: nowMs, route: { coordsLonLat: coords, cumulativeS: cum, seconds: toNextS + found.seconds, arcs: found.arcs }, stoppedLonLat: null };
}

/**
 * The fastest route from where a vehicle is to the scene (snapped as a dispatch does). It starts on
 * its own segment (Router.route would snap it to the nearest open road: a jump), and a vehicle
 * standing inside a closed segment may drive out of it: closures keep others from entering. From a
 * crossing, every closed road stays closed.
 */
function routeFrom(router: Router, lonLat: [number, number], scene: [number, number]): RouteResult | null {
  const from = router.snapIndex.nearest(lonLat[0], lonLat[1], 1), to = router.snap(scene), o = router.overrides;
  if (!from || !to) return null;
  const own = from.node >= 0 ? [] : [from.arc, from.reverse].filter((a) => a >= 0 && o.has(a)).map((a) => [a, o.factorOf(a)] as const);
  for (const [a] of own) o.set(a, 1);
  try {
    return router.routeSnaps(from, to);
  } finally {
    for (const [a, f] of own) o.set(a, f);
  }
}

/**
 * The arcs of a route that start at vertex k + 1 or later (the one being driven, k -> k + 1, is not
 * among them). Each arc's head node is found in the geometry in order; an arc whose head is not
 * (a trip within one segment) counts as ahead.
 */
export function arcsAhead(route: LegRoute, k: number, g: RoadGraph): number[] {
  const c = route.coordsLonLat, ll = g.nodeLonLatDeg, out: number[] = [];
  let v = 0;
  for (const a of route.arcs) {
    const h = g.arcTo[a], lon = ll[2 * h], lat = ll[2 * h + 1];
    while (v < c.length && !(c[v][0] === lon && c[v][1] === lat)) v++;
    if (v >= c.length || v >= k + 2) out.push(a);
  }
  return out;
}

/** The arcs of the segment a route's last stretch runs on when it ends between two nodes (none when it ends at a node). */
function endStretchArcs(route: LegRoute, router: Router): number[] {
  const c = route.coordsLonLat, n = c.length, g = router.graph, last = route.arcs[route.arcs.length - 1];
  if (n < 2 || (last !== undefined && g.nodeLonLatDeg[2 * g.arcTo[last]] === c[n - 1][0] && g.nodeLonLatDeg[2 * g.arcTo[last] + 1] === c[n - 1][1])) return [];
  // The stretch's midpoint lies inside the segment, so the nearest segment is the one it runs on.
  const snap = router.snapIndex.nearest((c[n - 2][0] + c[n - 1][0]) / 2, (c[n - 2][1] + c[n - 1][1]) / 2, 1);
  return snap ? [snap.arc, snap.reverse] : [];
}

const roundOrNull = (v: number | null) => (v === null ? null : Math.round(v));
