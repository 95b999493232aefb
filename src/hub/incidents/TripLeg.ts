import type { RouteResult } from '../../route/RouteResult';

/** The part of a route a trip needs: geometry with times for positions, arcs for closures (kept in the store). */
export type LegRoute = Pick<RouteResult, 'coordsLonLat' | 'cumulativeS' | 'seconds' | 'arcs'>;

/** One leg of a vehicle's trip to its scene: from its station at dispatch, or from where a re-route found it. */
export interface TripLeg {
  /** When it began (epoch ms, the hub's clock). */
  startedAtMs: number;
  /** The route driven from there; null: no route to the scene, the vehicle stands at stoppedLonLat. */
  route: LegRoute | null;
  stoppedLonLat: [number, number] | null;
}

/** Where a vehicle is along a leg's route after driving `s` seconds of it. */
export interface PointAlong {
  /** Index of the route vertex it passed last (it drives from vertex k to k + 1). */
  k: number;
  lonLat: [number, number];
  /** Direction of travel, degrees clockwise from north (0 when standing). */
  headingDeg: number;
}

const DEG = Math.PI / 180;

/** A leg driving `route` from `startedAtMs` (only what a trip needs of the route). */
export function legOf(route: RouteResult, startedAtMs: number): TripLeg {
  return { startedAtMs, route: { coordsLonLat: route.coordsLonLat, cumulativeS: route.cumulativeS, seconds: route.seconds, arcs: route.arcs }, stoppedLonLat: null };
}

/**
 * The point `s` seconds (route time) along a route, interpolated between the vertices its times
 * bracket, written into `out` (a fresh object by default; VehicleMotion passes one for every tick).
 */
export function pointAlong(route: LegRoute, s: number, out: PointAlong = { k: 0, lonLat: [0, 0], headingDeg: 0 }): PointAlong {
  const c = route.coordsLonLat, cum = route.cumulativeS;
  const t = Math.min(route.seconds, Math.max(0, s));
  let k = 0;
  while (k < cum.length - 2 && cum[k + 1] <= t) k++;
  const a = c[k], b = c[Math.min(k + 1, c.length - 1)];
  const span = cum[Math.min(k + 1, cum.length - 1)] - cum[k];
  const f = span > 0 ? Math.min(1, (t - cum[k]) / span) : 1;
  out.k = k;
  out.lonLat = t >= route.seconds ? c[c.length - 1] : [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
  out.headingDeg = a[0] === b[0] && a[1] === b[1] ? 0 : Math.round((Math.atan2((b[0] - a[0]) * Math.cos(a[1] * DEG), b[1] - a[1]) / DEG + 360) % 360);
  return out;
}
