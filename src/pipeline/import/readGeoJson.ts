import type { ImportReport } from './ImportReport';
import type { SourceBuilding } from './SourceBuilding';

/** A line feature read from GeoJSON (a road candidate), coordinates in the source CRS. */
export interface SourceLine {
  id: string;
  coords: Array<[number, number]>;
  attributes: Record<string, unknown>;
}

export interface GeoJsonContent {
  /** CRS named by the file's legacy `crs` member, if any (GeoJSON 2008); RFC 7946 means EPSG:4326. */
  declaredCrs?: string;
  buildings: SourceBuilding[];
  lines: SourceLine[];
}

type Position = number[];
interface Feature { type?: string; id?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: string; coordinates?: unknown } | null }

const xy = (p: Position): [number, number] => [Number(p[0]), Number(p[1])];

function featureId(f: Feature, index: number): string {
  const raw = f.id ?? f.properties?.id ?? f.properties?.osm_id;
  return raw === undefined || raw === null || raw === '' ? `f${index}` : String(raw);
}

function addPolygon(rings: Position[][], id: string, props: Record<string, unknown>, out: GeoJsonContent, source: string, report: ImportReport): void {
  if (!Array.isArray(rings) || !Array.isArray(rings[0])) {
    report.add({ code: 'bad-geometry', action: 'skipped', source, featureId: id, message: 'Polygon without an outer ring (expected coordinates: [[[x, y], ...]])' });
    return;
  }
  if (rings.length > 1) report.add({ code: 'holes-dropped', action: 'repaired', source, featureId: id, message: `${rings.length - 1} inner ring(s) dropped: footprints are single outer rings` });
  out.buildings.push({ id, outer: rings[0].map(xy), attributes: props });
}

function addFeature(f: Feature, index: number, out: GeoJsonContent, source: string, report: ImportReport): void {
  const id = featureId(f, index), props = f.properties ?? {};
  const g = f.geometry;
  const coords = g?.coordinates as unknown;
  switch (g?.type) {
    case 'Polygon': addPolygon(coords as Position[][], id, props, out, source, report); break;
    case 'MultiPolygon': {
      const polys = coords as Position[][][];
      if (polys.length > 1) report.add({ code: 'multipart-split', action: 'repaired', source, featureId: id, message: `${polys.length} polygons imported as ${polys.length} buildings (${id}-1, ...)` });
      polys.forEach((p, k) => addPolygon(p, polys.length > 1 ? `${id}-${k + 1}` : id, props, out, source, report));
      break;
    }
    case 'LineString': out.lines.push({ id, coords: (coords as Position[]).map(xy), attributes: props }); break;
    case 'MultiLineString':
      (coords as Position[][]).forEach((l, k) => out.lines.push({ id: `${id}-${k + 1}`, coords: l.map(xy), attributes: props }));
      break;
    default:
      report.add({ code: 'unsupported-geometry', action: 'skipped', source, featureId: id, message: `geometry type ${g?.type ?? 'null'} is neither a footprint (Polygon/MultiPolygon) nor a road (LineString)` });
  }
}

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature): Polygons and MultiPolygons become
 * building candidates, LineStrings road candidates; anything else is reported and skipped.
 * Throws naming the file when it is not JSON or not GeoJSON.
 */
export function readGeoJson(text: string, source: string, report: ImportReport): GeoJsonContent {
  let doc: { type?: string; features?: Feature[]; crs?: { properties?: { name?: string } } } & Feature;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not valid JSON (${(err as Error).message})`);
  }
  const features = doc.type === 'FeatureCollection' ? doc.features : doc.type === 'Feature' ? [doc] : undefined;
  if (!Array.isArray(features)) {
    throw new Error(`${source}: field "type" is ${JSON.stringify(doc.type)}, expected "FeatureCollection" with a "features" array (or "Feature")`);
  }
  const out: GeoJsonContent = { declaredCrs: doc.crs?.properties?.name, buildings: [], lines: [] };
  features.forEach((f, i) => addFeature(f ?? {}, i, out, source, report));
  return out;
}
