import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { transformPoints } from '../../../geo/crs/transformPoint';
import { checkCrs } from '../../import/checkCrs';
import type { ImportReport } from '../../import/ImportReport';
import type { SourceSpec } from '../ImportConfig';
import { rawFeatures, type RawSourceFeature } from './rawFeatures';
import type { LonLatGeometry, SourceFeature } from './SourceFeature';

/** What a source is read with: where relative paths start, the config's CRS, the report. */
export interface SourceContext {
  baseDir: string;
  defaultCrs: string;
  report: ImportReport;
}

const BY_EXTENSION: Record<string, string> = {
  '.geojson': 'geojson', '.json': 'geojson', '.csv': 'csv', '.txt': 'csv', '.shp': 'shapefile', '.gpkg': 'geopackage', '.osm': 'osm', '.pbf': 'osm', '.xml': 'osm',
};

/** The absolute path of a source file; throws naming the config pointer when it does not exist. */
export function sourcePath(file: string, ctx: Pick<SourceContext, 'baseDir'>, pointer: string): string {
  const path = resolve(ctx.baseDir, file);
  if (!existsSync(path)) throw new Error(`import config ${pointer}: file not found: ${path} (relative paths resolve against ${ctx.baseDir})`);
  return path;
}

/** The format of a source: as given, else from its extension. */
export function sourceFormat(spec: SourceSpec, pointer: string): string {
  const format = spec.format ?? BY_EXTENSION[extname(spec.file.replace(/\.(zip|gz)$/i, '')).toLowerCase()];
  if (!format) throw new Error(`import config ${pointer}/format: cannot tell the format of ${spec.file} from its extension; expected one of geojson, csv, shapefile, osm, geopackage`);
  return format;
}

function eachPosition(g: RawSourceFeature['geometry'], visit: (p: number[]) => void): void {
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') visit(c as number[]);
    else for (const x of c) walk(x);
  };
  walk(g?.coordinates);
}

const GEOMETRY_TYPES = new Set(['Point', 'LineString', 'Polygon', 'MultiPolygon']);

/**
 * Reads a GeoJSON, CSV or Shapefile source: features (rows) kept by `where`, coordinates checked
 * against the declared CRS (spec, else the file's, else the config's) and converted to WGS84
 * lon/lat. Features without a usable geometry are reported (file and line/feature) and skipped.
 */
export async function readSourceFeatures(spec: SourceSpec, ctx: SourceContext, pointer: string): Promise<SourceFeature[]> {
  const path = sourcePath(spec.file, ctx, `${pointer}/file`);
  const format = sourceFormat(spec, pointer);
  if (format === 'osm') throw new Error(`import config ${pointer}: an OSM file is read through the OSM rules (units: osmAdminLevel; resources: "osm": true; pois, water: from the buildings' OSM file), not as a table`);
  if (format === 'geopackage') throw new Error(`import config ${pointer}: GeoPackage is not supported (the npm reader needs a native SQLite build; see README); export the layer to GeoJSON or a Shapefile (ogr2ogr -f GeoJSON out.geojson ${spec.file} ${spec.layer ?? 'LAYER'})`);
  const { features, crs } = await rawFeatures(path, format, (spec.fields ?? {}) as Record<string, string>);
  const where = Object.entries((spec.where ?? {}) as Record<string, string>);
  const kept = features.filter((f) => where.every(([k, v]) => String(f.properties[k] ?? '') === v));
  const usable = kept.filter((f) => {
    if (f.geometry && GEOMETRY_TYPES.has(f.geometry.type)) return true;
    ctx.report.add({ code: 'no-geometry', action: 'skipped', source: path, featureId: f.where, message: `no Point, LineString, Polygon or MultiPolygon geometry (got ${f.geometry?.type ?? 'none'})` });
    return false;
  });
  const coords: number[] = [];
  for (const f of usable) eachPosition(f.geometry, (p) => coords.push(p[0], p[1]));
  if (coords.length === 0) return [];
  const check = checkCrs(coords, spec.crs ?? crs ?? ctx.defaultCrs, ctx.defaultCrs, path, ctx.report);
  const xy = new Float64Array(coords.length);
  for (let i = 0; i < coords.length; i += 2) { xy[i] = check.swapXY ? coords[i + 1] : coords[i]; xy[i + 1] = check.swapXY ? coords[i] : coords[i + 1]; }
  const lonLat = check.crsId === 'EPSG:4326' ? xy : transformPoints(check.crsId, 'EPSG:4326', xy, xy);
  let k = 0;
  return usable.map((f) => {
    const map = (c: unknown): unknown => (typeof (c as unknown[])[0] === 'number' ? [lonLat[k++], lonLat[k++]] : (c as unknown[]).map(map));
    return { where: f.where, properties: f.properties, geometry: { type: f.geometry!.type, coordinates: map(f.geometry!.coordinates) } as LonLatGeometry };
  });
}
