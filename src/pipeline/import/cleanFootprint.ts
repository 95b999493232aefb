import { featureCollection, polygon, union, unkinkPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ringSimplicity } from './ringSimplicity';

type Ring = Array<[number, number]>;

/** A footprint made fit for extrusion, or why it could not be. */
export type CleanedFootprint =
  | { ok: true; parts: Ring[]; repairs: string[] }
  | { ok: false; reason: string; code: string };

/** Vertices closer than this are one vertex (m). */
const MERGE_M = 0.01;
/** Footprints smaller than this are not buildings (m²). */
export const MIN_FOOTPRINT_M2 = 1;
/** Self-intersecting rings with more vertices are refused rather than untangled (turf's unkink + union: ~1.6 s at 10,000). */
export const MAX_UNTANGLE_VERTICES = 10_000;

export function signedArea(ring: ReadonlyArray<readonly [number, number]>): number {
  let a = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i], q = ring[(i + 1) % n];
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

/** True when two non-adjacent edges of the (open) ring touch or cross (see ringSimplicity). */
export function isSelfIntersecting(ring: Ring): boolean {
  const r = ringSimplicity(ring);
  if (r === 'too-complex') throw new Error(`isSelfIntersecting: a ring of ${ring.length} vertices with too many overlapping edges to check`);
  return r === 'self-intersecting';
}

/** Drops the closing vertex, repeated vertices and zero-width spikes (a, b, a). */
function simplify(input: Ring): Ring {
  const out: Ring = [];
  for (const p of input) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - p[0]) < MERGE_M && Math.abs(last[1] - p[1]) < MERGE_M) continue;
    out.push([p[0], p[1]]);
    while (out.length >= 3) {
      const a = out[out.length - 3], c = out[out.length - 1];
      if (Math.abs(a[0] - c[0]) < MERGE_M && Math.abs(a[1] - c[1]) < MERGE_M) out.splice(out.length - 2, 2);
      else break;
    }
  }
  while (out.length > 1 && Math.abs(out[0][0] - out[out.length - 1][0]) < MERGE_M && Math.abs(out[0][1] - out[out.length - 1][1]) < MERGE_M) out.pop();
  return out;
}

function counterClockwise(ring: Ring): Ring {
  return signedArea(ring) < 0 ? ring.slice().reverse() : ring;
}

/** Splits a self-intersecting ring into simple parts (unkink, then union so overlaps merge). */
function untangle(ring: Ring): Ring[] {
  const closed = [...ring, ring[0]];
  const pieces = unkinkPolygon(polygon([closed]));
  const merged = pieces.features.length > 1 ? union(featureCollection(pieces.features as Array<Feature<Polygon>>)) : pieces.features[0];
  if (!merged) return [];
  const g = merged.geometry as Polygon | MultiPolygon;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((p) => simplify(p[0] as Ring)).filter((r) => r.length >= 3);
}

/**
 * Makes a footprint ring (plane meters) simple, counter-clockwise and open: merges repeated
 * vertices, removes spikes, and splits a self-intersecting ring into its simple parts (parts under
 * 5% of the area and 1 m² are dropped and said so). Degenerate rings come back as not ok with why.
 */
export function cleanFootprint(input: Ring): CleanedFootprint {
  const repairs: string[] = [];
  const ring = simplify(input);
  if (ring.length < input.length - 1) repairs.push(`removed ${input.length - ring.length} repeated/closing vertices or spikes`);
  if (ring.length < 3) return { ok: false, code: 'degenerate', reason: `only ${ring.length} distinct vertices` };
  const simplicity = ringSimplicity(ring);
  if (simplicity === 'too-complex') return { ok: false, code: 'too-complex', reason: `${ring.length} vertices with too many overlapping edges to check for self-intersection` };
  if (simplicity === 'simple') {
    const area = Math.abs(signedArea(ring));
    if (area < MIN_FOOTPRINT_M2) return { ok: false, code: 'tiny', reason: `area ${area.toFixed(3)} m² < ${MIN_FOOTPRINT_M2} m²` };
    return { ok: true, parts: [counterClockwise(ring)], repairs };
  }
  if (ring.length > MAX_UNTANGLE_VERTICES) {
    return { ok: false, code: 'self-intersection', reason: `self-intersecting ring of ${ring.length} vertices; rings over ${MAX_UNTANGLE_VERTICES} vertices are not untangled` };
  }
  let parts: Ring[];
  try {
    parts = untangle(ring);
  } catch (err) {
    return { ok: false, code: 'self-intersection', reason: `self-intersecting and could not be split (${(err as Error).message})` };
  }
  const areas = parts.map((p) => Math.abs(signedArea(p)));
  const total = areas.reduce((a, b) => a + b, 0);
  const keep = parts.filter((_, i) => areas[i] >= Math.max(MIN_FOOTPRINT_M2, 0.05 * total));
  if (keep.length === 0) return { ok: false, code: 'self-intersection', reason: 'self-intersecting with no part of usable area' };
  const kept = keep.reduce((a, p) => a + Math.abs(signedArea(p)), 0);
  repairs.push(`self-intersecting ring split into ${keep.length} simple part(s)` +
    (keep.length < parts.length ? `, ${parts.length - keep.length} sliver(s) of ${(total - kept).toFixed(1)} m² dropped` : ''));
  return { ok: true, parts: keep.map(counterClockwise), repairs };
}
