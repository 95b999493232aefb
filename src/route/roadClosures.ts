import type { LonLat, Router } from './Router';

/** How far a flooded road sample may lie from the segment it closes (m): about one flood cell. */
export const FLOOD_SNAP_M = 30;

/** What a closure or slowdown touched. */
export interface OverrideChange {
  /** Arc ids now overridden. */
  arcs: number[];
  /** Id and name of the road line they belong to. */
  lineId: string;
  lineName: string;
  /** Where the request snapped, [lonDeg, latDeg], and how far from it (m). */
  lonLat: LonLat;
  distanceM: number;
}

/**
 * Closes (factor Infinity) or slows (factor > 1) both directions of the road segment nearest to a
 * point, within `maxDistanceM` (default 200). Returns null when no road is that close.
 */
export function overrideSegmentAt(router: Router, lonLat: LonLat, factor = Infinity, maxDistanceM = 200): OverrideChange | null {
  const s = router.snapIndex.nearest(lonLat[0], lonLat[1], maxDistanceM);
  if (!s) return null;
  const arcs = [s.arc, s.reverse].filter((a) => a >= 0);
  for (const a of arcs) router.overrides.set(a, factor);
  const line = router.graph.lines[router.graph.arcLine[s.arc]];
  return { arcs, lineId: line?.id ?? '', lineName: line?.name ?? '', lonLat: s.lonLat, distanceM: s.distanceM };
}

/** Closes or slows every arc of one road line (by id); returns the arcs touched (throws on an unknown id). */
export function overrideLine(router: Router, lineId: string, factor = Infinity): number[] {
  const g = router.graph;
  const index = g.lines.findIndex((l) => l.id === lineId);
  if (index < 0) throw new Error(`overrideLine: no road line with id ${JSON.stringify(lineId)}`);
  const arcs: number[] = [];
  for (let a = 0; a < g.arcCount; a++) {
    if (g.arcLine[a] === index) { router.overrides.set(a, factor); arcs.push(a); }
  }
  return arcs;
}
