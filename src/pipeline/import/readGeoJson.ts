import { parseJsonText } from '../../schema/parseJsonText';
import type { ImportReport } from './ImportReport';
import { polygons, positionLists, positions } from './geoJsonCoordinates';
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

type XY = [number, number];
interface Feature { type?: string; id?: unknown; properties?: unknown; geometry?: { type?: string; coordinates?: unknown } | null }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function featureId(f: Feature, props: Record<string, unknown>, index: number): string {
  const raw = f.id ?? props.id ?? props.osm_id;
  return typeof raw === 'string' || typeof raw === 'number' ? (raw === '' ? `f${index}` : String(raw)) : `f${index}`;
}

function addPolygon(rings: XY[][], id: string, props: Record<string, unknown>, out: GeoJsonContent, source: string, report: ImportReport): void {
  if (rings.length > 1) report.add({ code: 'holes-dropped', action: 'repaired', source, featureId: id, message: `${rings.length - 1} inner ring(s) dropped: footprints are single outer rings` });
  out.buildings.push({ id, outer: rings[0], attributes: props });
}

/** Adds one feature's buildings or lines; a malformed geometry is reported (with its JSON path) and skipped. */
function addFeature(f: Feature, index: number, out: GeoJsonContent, source: string, report: ImportReport): void {
  const props = isObject(f.properties) ? f.properties : {};
  const id = featureId(f, props, index), at = `features[${index}].geometry`;
  if (f.properties !== undefined && f.properties !== null && !isObject(f.properties)) {
    report.add({ code: 'bad-properties', action: 'defaulted', source, featureId: id, message: `features[${index}].properties is not an object; read as {}` });
  }
  const g = isObject(f.geometry) ? f.geometry : null;
  const coords = g?.coordinates;
  const skip = (message: string) => report.add({ code: 'bad-geometry', action: 'skipped', source, featureId: id, message });
  switch (g?.type) {
    case 'Polygon': {
      const r = positionLists(coords, `${at}.coordinates`, 3);
      if (r.ok) addPolygon(r.value, id, props, out, source, report); else skip(r.error);
      break;
    }
    case 'MultiPolygon': {
      const r = polygons(coords, `${at}.coordinates`);
      if (!r.ok) { skip(r.error); break; }
      const polys = r.value;
      if (polys.length > 1) report.add({ code: 'multipart-split', action: 'repaired', source, featureId: id, message: `${polys.length} polygons imported as ${polys.length} buildings (${id}-1, ...)` });
      polys.forEach((p, k) => addPolygon(p, polys.length > 1 ? `${id}-${k + 1}` : id, props, out, source, report));
      break;
    }
    case 'LineString': {
      const r = positions(coords, `${at}.coordinates`, 2);
      if (r.ok) out.lines.push({ id, coords: r.value, attributes: props }); else skip(r.error);
      break;
    }
    case 'MultiLineString': {
      const r = positionLists(coords, `${at}.coordinates`, 2);
      if (r.ok) r.value.forEach((l, k) => out.lines.push({ id: `${id}-${k + 1}`, coords: l, attributes: props })); else skip(r.error);
      break;
    }
    default:
      report.add({ code: 'unsupported-geometry', action: 'skipped', source, featureId: id, message: `geometry type ${typeof g?.type === 'string' ? g.type : 'null'} is neither a footprint (Polygon/MultiPolygon) nor a road (LineString)` });
  }
}

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature): Polygons and MultiPolygons become
 * building candidates, LineStrings road candidates; anything else is reported and skipped.
 * Throws naming the file when it is not JSON or not GeoJSON.
 */
export function readGeoJson(text: string, source: string, report: ImportReport): GeoJsonContent {
  const doc = parseJsonText(text, source);
  if (!isObject(doc)) throw new Error(`${source}: expected a GeoJSON object at the top level, got ${doc === null ? 'null' : Array.isArray(doc) ? 'an array' : typeof doc}`);
  const features = doc.type === 'FeatureCollection' ? doc.features : doc.type === 'Feature' ? [doc] : undefined;
  if (!Array.isArray(features)) {
    throw new Error(`${source}: field "type" is ${JSON.stringify(doc.type)}, expected "FeatureCollection" with a "features" array (or "Feature")`);
  }
  const crs = isObject(doc.crs) && isObject(doc.crs.properties) ? doc.crs.properties.name : undefined;
  const out: GeoJsonContent = { declaredCrs: typeof crs === 'string' ? crs : undefined, buildings: [], lines: [] };
  features.forEach((f: unknown, i) => {
    if (isObject(f)) addFeature(f as Feature, i, out, source, report);
    else report.add({ code: 'bad-feature', action: 'skipped', source, featureId: `f${i}`, message: `features[${i}]: expected a Feature object, got ${f === null ? 'null' : typeof f}` });
  });
  return out;
}
