import { readFile } from 'node:fs/promises';
import type { ImportReport } from './ImportReport';
import { osmBuildings } from './osmBuildings';
import { osmRoads } from './osmRoads';
import { readGeoJson, type SourceLine } from './readGeoJson';
import { readOsmPbf } from './readOsmPbf';
import { readOsmXml } from './readOsmXml';
import type { RoadLine } from './RoadLine';
import type { SourceBuilding } from './SourceBuilding';

export type CitySourceFormat = 'osm-xml' | 'osm-pbf' | 'geojson';

/** What one vector source file holds, before projection. */
export interface CitySource {
  format: CitySourceFormat;
  buildings: SourceBuilding[];
  /** OSM roads, already WGS84 lon/lat with node topology. Empty for GeoJSON. */
  osmRoads: RoadLine[];
  /** GeoJSON line features in the file's CRS. Empty for OSM. */
  lines: SourceLine[];
  /** CRS the file itself names (GeoJSON `crs` member); OSM is always EPSG:4326. */
  declaredCrs?: string;
}

/** Format from the extension, else from the first bytes ('<' XML, '{' JSON, otherwise PBF). */
export function sniffFormat(path: string, head: Uint8Array): CitySourceFormat {
  const p = path.toLowerCase();
  if (p.endsWith('.pbf')) return 'osm-pbf';
  if (p.endsWith('.osm') || p.endsWith('.xml')) return 'osm-xml';
  if (p.endsWith('.geojson') || p.endsWith('.json')) return 'geojson';
  const first = new TextDecoder().decode(head.subarray(0, 64)).trimStart()[0];
  return first === '<' ? 'osm-xml' : first === '{' ? 'geojson' : 'osm-pbf';
}

/**
 * Reads a buildings/roads source: OSM XML (.osm), OSM PBF (.osm.pbf) or GeoJSON (.geojson,
 * .json). Throws naming the file when it is absent or unreadable in its format.
 */
export async function readCitySource(path: string, report: ImportReport, wantRoads = true): Promise<CitySource> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    throw new Error(`${path}: cannot read the source file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const format = sniffFormat(path, bytes);
  if (format === 'geojson') {
    const g = readGeoJson(new TextDecoder().decode(bytes), path, report);
    return { format, buildings: g.buildings, osmRoads: [], lines: wantRoads ? g.lines : [], declaredCrs: g.declaredCrs };
  }
  const data = format === 'osm-pbf' ? readOsmPbf(bytes, path, report) : readOsmXml(new TextDecoder().decode(bytes), path, report);
  report.stat(`osm:${path}`, `${data.nodes.size} nodes, ${data.ways.length} ways, ${data.relations.length} relations`);
  return { format, buildings: osmBuildings(data, path, report), osmRoads: wantRoads ? osmRoads(data, path, report) : [], lines: [] };
}
