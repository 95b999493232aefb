import type { LocalFrame } from '../../geo/LocalFrame';
import { pointInRing } from '../../twin/BuildingGrid';

/** Heights are above the local ground, or absolute (ellipsoidal, like the DEM). */
export type HeightReference = 'ground' | 'absolute';

/** One zone of a height-limit plan (控高分区): a polygon and its limit. */
export interface HeightLimitZone {
  /** Outer ring in plane meters. */
  ring: Array<[number, number]>;
  maxHeightM: number;
  reference: HeightReference;
  name?: string;
}

/**
 * A height-limit surface: flat everywhere, an inclined plane (e.g. an airport approach surface:
 * absolute height at a point plus slopes), or zones from a plan (the lowest zone over a point wins;
 * no zone: no limit).
 */
export type HeightLimit =
  | { kind: 'flat'; heightM: number; reference: HeightReference }
  | { kind: 'plane'; originM: [number, number]; heightM: number; slopeEast: number; slopeNorth: number }
  | { kind: 'zones'; zones: HeightLimitZone[] };

/** The limit's absolute height at a plane point (m), or Infinity where no limit applies. */
export function limitAtM(limit: HeightLimit, xM: number, yM: number, groundM: number): number {
  switch (limit.kind) {
    case 'flat': return limit.reference === 'ground' ? groundM + limit.heightM : limit.heightM;
    case 'plane': return limit.heightM + (xM - limit.originM[0]) * limit.slopeEast + (yM - limit.originM[1]) * limit.slopeNorth;
    case 'zones': {
      let best = Infinity;
      for (const z of limit.zones) {
        if (!pointInRing(xM, yM, z.ring)) continue;
        best = Math.min(best, z.reference === 'ground' ? groundM + z.maxHeightM : z.maxHeightM);
      }
      return best;
    }
  }
}

/** At most this many zones from one file. */
export const MAX_LIMIT_ZONES = 10_000;

/**
 * Zones from a GeoJSON FeatureCollection (lon/lat): Polygon or MultiPolygon features with a numeric
 * `maxHeightM` property and an optional `reference` ('ground', default, or 'absolute') and `name`.
 * Throws naming `file`, the feature and the field.
 */
export function heightLimitZonesFromGeoJson(fc: unknown, frame: LocalFrame, file = 'height limits'): HeightLimit {
  const features = (fc as { features?: unknown })?.features;
  if (!Array.isArray(features)) throw new Error(`${file}: expected a GeoJSON FeatureCollection with a features array`);
  if (features.length > MAX_LIMIT_ZONES) throw new Error(`${file}: ${features.length} features, at most ${MAX_LIMIT_ZONES}`);
  const zones: HeightLimitZone[] = [];
  features.forEach((f: { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> }, k) => {
    const p = f.properties ?? {}, g = f.geometry, at = `${file}: features[${k}]`;
    if (typeof p.maxHeightM !== 'number' || !(p.maxHeightM >= 0)) throw new Error(`${at}.properties.maxHeightM: expected a number >= 0 (m), got ${JSON.stringify(p.maxHeightM)}`);
    const reference = p.reference ?? 'ground';
    if (reference !== 'ground' && reference !== 'absolute') throw new Error(`${at}.properties.reference: expected "ground" or "absolute", got ${JSON.stringify(reference)}`);
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? (g.coordinates as unknown[]) : null;
    if (!polys) throw new Error(`${at}.geometry.type: expected "Polygon" or "MultiPolygon", got ${JSON.stringify(g?.type)}`);
    for (const poly of polys as number[][][][]) {
      const outer = poly?.[0];
      if (!Array.isArray(outer) || outer.length < 4) throw new Error(`${at}.geometry.coordinates: expected a ring of at least 4 [lon, lat] positions`);
      zones.push({ ring: outer.map(([lon, lat]) => frame.toPlane(lon, lat)), maxHeightM: p.maxHeightM, reference, name: typeof p.name === 'string' ? p.name : undefined });
    }
  });
  return { kind: 'zones', zones };
}
