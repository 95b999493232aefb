import { shortJson } from '../../schema/JsonIssue';
import type { UnplacedIssue } from '../../schema/SchemaValidator';

/** A GeoJSON feature as read (unchecked). */
export interface RawFeature {
  id?: unknown;
  properties?: Record<string, unknown> | null;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

/** Most issues collected from one file before giving up (the rest are counted, not listed). */
const MAX_ISSUES = 200;

/**
 * Collects located problems of a GeoJSON FeatureCollection: each names the feature and the field
 * (`/features/12/properties/heightM`), what was expected and what was found.
 */
export class FeatureIssues {
  readonly list: UnplacedIssue[] = [];

  /** The features array, or an issue and [] when the document is not a FeatureCollection. */
  features(doc: unknown): RawFeature[] {
    const fc = doc as { type?: unknown; features?: unknown } | null;
    if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
      this.add('', 'a GeoJSON FeatureCollection with a "features" array', fc?.type);
      return [];
    }
    return fc.features as RawFeature[];
  }

  add(pointer: string, expected: string, got?: unknown): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ pointer, expected, got: got === undefined ? undefined : shortJson(got) });
  }

  /** A string property (non-empty unless `allowEmpty`), or null after recording the issue. */
  string(f: RawFeature, i: number, key: string, allowEmpty = false): string | null {
    const v = f.properties?.[key];
    if (typeof v === 'string' && (allowEmpty || v.length > 0)) return v;
    this.add(`/features/${i}/properties/${key}`, allowEmpty ? 'a string' : 'a non-empty string', v);
    return null;
  }

  /** A finite number property within [min, max], or null after recording the issue. */
  number(f: RawFeature, i: number, key: string, min: number, max: number, what: string): number | null {
    const v = f.properties?.[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
    this.add(`/features/${i}/properties/${key}`, `${what} in [${min}, ${max}]`, v);
    return null;
  }

  /** The polygons of a Polygon or MultiPolygon geometry (outer rings with holes), or null after recording the issue. */
  polygons(f: RawFeature, i: number): number[][][][] | null {
    const g = f.geometry;
    const ok = (rings: unknown) => Array.isArray(rings) && rings.length > 0 && rings.every((r) => Array.isArray(r) && r.length >= 4 && r.every(isPosition));
    if (g?.type === 'Polygon' && ok(g.coordinates)) return [g.coordinates as number[][][]];
    if (g?.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(ok)) return g.coordinates as number[][][][];
    this.add(`/features/${i}/geometry`, 'a Polygon or MultiPolygon of closed rings of [lonDeg, latDeg] (4 positions or more)', g?.type);
    return null;
  }

  /** A Point geometry's [lon, lat], or null after recording the issue. */
  point(f: RawFeature, i: number): [number, number] | null {
    const g = f.geometry;
    if (g?.type === 'Point' && isPosition(g.coordinates)) return [(g.coordinates as number[])[0], (g.coordinates as number[])[1]];
    this.add(`/features/${i}/geometry`, 'a Point [lonDeg, latDeg]', g?.type);
    return null;
  }
}

function isPosition(p: unknown): boolean {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' &&
    Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
}
