import type { Router } from '../../route/Router';
import { FLOOD_SNAP_M, overrideLine, overrideSegmentAt } from '../../route/roadClosures';
import type { Scenario } from '../schema/Scenario';
import type { SharedState } from '../run/ModuleContext';

const M_PER_DEG_LAT = 111_320;
/** Default factor on travel times near a crowd. */
export const DEFAULT_CROWD_SLOWDOWN = 2.5;

const active = (tS: number, fromS = 0, toS = Infinity) => tS >= fromS && tS < toS;

/** Arcs whose midpoint lies within radiusM of a point. */
function arcsNear(router: Router, lonDeg: number, latDeg: number, radiusM: number): number[] {
  const g = router.graph, ll = g.nodeLonLatDeg, kx = Math.cos((latDeg * Math.PI) / 180) * M_PER_DEG_LAT, out: number[] = [];
  for (let a = 0; a < g.arcCount; a++) {
    const u = g.arcFrom[a], v = g.arcTo[a];
    const dx = ((ll[2 * u] + ll[2 * v]) / 2 - lonDeg) * kx, dy = ((ll[2 * u + 1] + ll[2 * v + 1]) / 2 - latDeg) * M_PER_DEG_LAT;
    if (dx * dx + dy * dy <= radiusM * radiusM) out.push(a);
  }
  return out;
}

/**
 * Sets the router's overrides to the state of the city at time tS (s): crowds slow the roads near
 * their venue, roadClosure events close segments (nearest to each point) and whole roads, the
 * flood's impassable road samples of frame `frame` close their segments, and rerouteTraffic
 * corridors are kept clear (their overrides lifted). Replaces any earlier overrides.
 */
export function applyClosures(router: Router, s: Scenario, tS: number, shared: SharedState, frame: number): void {
  router.overrides.clear();
  for (const e of s.events) {
    if (e.kind === 'crowd' && active(tS, e.fromS, e.toS)) {
      for (const a of arcsNear(router, e.lonDeg, e.latDeg, e.radiusM)) router.overrides.set(a, Math.max(router.overrides.factorOf(a), e.slowdownFactor ?? DEFAULT_CROWD_SLOWDOWN));
    }
  }
  for (const e of s.events) {
    if (e.kind !== 'roadClosure' || !active(tS, e.fromS, e.toS)) continue;
    e.at?.forEach((p) => overrideSegmentAt(router, [p[0], p[1]], Infinity));
    e.roadIds?.forEach((id) => overrideLine(router, id, Infinity));
  }
  for (const p of shared.floodImpassable?.[frame] ?? []) overrideSegmentAt(router, p, Infinity, FLOOD_SNAP_M);
  for (const i of s.interventions) {
    if (i.kind !== 'rerouteTraffic') continue;
    i.corridorAt?.forEach((p) => {
      const snap = router.snapIndex.nearest(p[0], p[1], 200);
      if (snap) for (const a of [snap.arc, snap.reverse]) if (a >= 0) router.overrides.set(a, 1);
    });
    i.corridorRoadIds?.forEach((id) => overrideLine(router, id, 1));
  }
}

/** The closed segments (both directions once) as [lonDeg, latDeg] pairs, for drawing. */
export function closedSegments(router: Router): Array<[[number, number], [number, number]]> {
  const g = router.graph, ll = g.nodeLonLatDeg, seen = new Set<string>(), out: Array<[[number, number], [number, number]]> = [];
  for (const [a, f] of router.overrides.entries()) {
    if (f !== Infinity) continue;
    const u = Math.min(g.arcFrom[a], g.arcTo[a]), v = Math.max(g.arcFrom[a], g.arcTo[a]), key = `${u}:${v}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([[ll[2 * u], ll[2 * u + 1]], [ll[2 * v], ll[2 * v + 1]]]);
  }
  return out;
}
