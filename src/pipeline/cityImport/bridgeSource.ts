import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceSpec } from './ImportConfig';
import { readSourceFeatures, sourceFormat, sourcePath, type SourceContext } from './sources/readSourceFeatures';

/** Package field -> the attribute the building and road readers look for. */
const RENAME: Record<string, string> = { height: 'height', floors: 'building:levels', use: 'building', address: 'address', addressPinyin: 'addresspinyin', id: 'id', name: 'name', class: 'highway', speedKmh: 'maxspeed', oneway: 'oneway' };

/**
 * The file the building/road importer should read for a source: the file itself when it is OSM or
 * plain GeoJSON, else (a Shapefile, a field mapping, a filter) a GeoJSON in lon/lat written to
 * `workDir` with the mapped attributes renamed to what the importer reads.
 */
export async function bridgeSource(spec: SourceSpec, ctx: SourceContext, pointer: string, workDir: string, name: string): Promise<{ path: string; crs?: string; format: string }> {
  const format = sourceFormat(spec, pointer);
  const plain = !spec.fields && !spec.where;
  if (format === 'osm' || (format === 'geojson' && plain)) return { path: sourcePath(spec.file, ctx, `${pointer}/file`), crs: spec.crs, format };
  const features = await readSourceFeatures(spec, ctx, pointer);
  const fields = Object.entries((spec.fields ?? {}) as Record<string, string>);
  const out = features.map((f) => {
    const props: Record<string, unknown> = { ...f.properties };
    for (const [key, column] of fields) if (RENAME[key] && f.properties[column] !== undefined) props[RENAME[key]] = f.properties[column];
    return { type: 'Feature', properties: props, geometry: f.geometry };
  });
  mkdirSync(workDir, { recursive: true });
  const path = join(workDir, `${name}.geojson`);
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: out }));
  return { path, crs: 'EPSG:4326', format };
}
