import { readFile } from 'node:fs/promises';
import { read as readShapefile } from 'shapefile';
import { parseCsv } from './parseCsv';

/** A feature before CRS conversion: a GeoJSON geometry in the source's CRS. */
export interface RawSourceFeature {
  where: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown } | null;
}

/** Most features one source may hold (a larger file is refused with this limit). */
export const MAX_SOURCE_FEATURES = 5_000_000;

/** The CRS a legacy GeoJSON `crs` member or an ESRI .prj names, when it names one we know. */
export function crsFromName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const epsg = /EPSG(?::|::|")?\D{0,3}(\d{4,5})/i.exec(name);
  if (epsg && !/GEOGCS\[|PROJCS\[/.test(name)) return `EPSG:${epsg[1]}`;
  const authority = /AUTHORITY\["EPSG","(\d{4,5})"\]\]\s*$/.exec(name);
  if (authority) return `EPSG:${authority[1]}`;
  const gk = /CGCS2000_3_Degree_GK_CM_(\d+)E/i.exec(name);
  if (gk) return `EPSG:${4534 + (Number(gk[1]) - 75) / 3}`;
  if (/^PROJCS\["WGS_1984_Web_Mercator/i.test(name)) return 'EPSG:3857';
  if (/^GEOGCS\["(GCS_)?WGS_?1984/i.test(name) || /CRS84/.test(name)) return 'EPSG:4326';
  if (/^GEOGCS\["(GCS_)?China_Geodetic_Coordinate_System_2000/i.test(name)) return 'EPSG:4490';
  return undefined;
}

async function geoJsonFeatures(path: string): Promise<{ features: RawSourceFeature[]; crs?: string }> {
  let doc: { type?: string; features?: unknown[]; crs?: { properties?: { name?: string } }; geometry?: unknown; properties?: unknown };
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: not readable GeoJSON (${(err as Error).message})`);
  }
  const list = doc.type === 'FeatureCollection' && Array.isArray(doc.features) ? doc.features : doc.type === 'Feature' ? [doc] : null;
  if (!list) throw new Error(`${path}: expected a GeoJSON FeatureCollection or Feature, got type ${JSON.stringify(doc.type)}`);
  if (list.length > MAX_SOURCE_FEATURES) throw new Error(`${path}: ${list.length} features, more than the limit of ${MAX_SOURCE_FEATURES}`);
  return {
    crs: crsFromName(doc.crs?.properties?.name),
    features: list.map((f, i) => {
      const x = f as { properties?: Record<string, unknown> | null; geometry?: RawSourceFeature['geometry']; id?: unknown };
      return { where: `${path}#feature ${i}`, properties: { ...(x.id !== undefined ? { id: x.id } : {}), ...(x.properties ?? {}) }, geometry: x.geometry ?? null };
    }),
  };
}

const X_NAMES = ['x', 'lon', 'lng', 'longitude', 'easting', '经度'], Y_NAMES = ['y', 'lat', 'latitude', 'northing', '纬度'];

async function csvFeatures(path: string, fields: Record<string, string>): Promise<{ features: RawSourceFeature[] }> {
  const { header, rows } = parseCsv(await readFile(path, 'utf8'), path);
  const pick = (key: 'x' | 'y', names: string[]) => fields[key] ?? fields[key === 'x' ? 'lon' : 'lat'] ?? header.find((h) => names.includes(h.toLowerCase()));
  const xCol = pick('x', X_NAMES), yCol = pick('y', Y_NAMES);
  if (!xCol || !yCol || !header.includes(xCol) || !header.includes(yCol)) {
    throw new Error(`${path}:1: expected coordinate columns (fields.x and fields.y, or a header named ${X_NAMES.join('/')} and ${Y_NAMES.join('/')}), header is ${JSON.stringify(header)}`);
  }
  return {
    features: rows.map((r) => {
      const x = Number(r.values[xCol]), y = Number(r.values[yCol]);
      const ok = r.values[xCol] !== '' && r.values[yCol] !== '' && Number.isFinite(x) && Number.isFinite(y);
      return { where: `${path}:${r.line}`, properties: r.values, geometry: ok ? { type: 'Point', coordinates: [x, y] } : null };
    }),
  };
}

async function shapefileFeatures(path: string): Promise<{ features: RawSourceFeature[]; crs?: string }> {
  const base = path.replace(/\.shp$/i, '');
  const text = async (ext: string) => readFile(`${base}${ext}`, 'utf8').catch(() => undefined);
  const [prj, cpg] = await Promise.all([text('.prj'), text('.cpg')]);
  let fc: { features: Array<{ properties: Record<string, unknown>; geometry: RawSourceFeature['geometry'] }> };
  try {
    fc = await readShapefile(`${base}.shp`, `${base}.dbf`, { encoding: cpg?.trim() || 'utf-8' }) as typeof fc;
  } catch (err) {
    throw new Error(`${path}: not a readable Shapefile with its .dbf (${(err as Error).message})`);
  }
  if (fc.features.length > MAX_SOURCE_FEATURES) throw new Error(`${path}: ${fc.features.length} features, more than the limit of ${MAX_SOURCE_FEATURES}`);
  return { crs: crsFromName(prj?.trim()), features: fc.features.map((f, i) => ({ where: `${path}#feature ${i}`, properties: f.properties ?? {}, geometry: f.geometry })) };
}

/** The features of a GeoJSON, CSV or Shapefile source in its own CRS, and the CRS the file names. */
export async function rawFeatures(path: string, format: string, fields: Record<string, string>): Promise<{ features: RawSourceFeature[]; crs?: string }> {
  if (format === 'geojson') return geoJsonFeatures(path);
  if (format === 'csv') return csvFeatures(path, fields);
  if (format === 'shapefile') return shapefileFeatures(path);
  throw new Error(`${path}: format "${format}" is not read here`);
}
