/**
 * Node only: the city the analysis CLI and benchmarks work on, read from `tilesets/<name>/`
 * (city.json for the origin, buildings.geojson, dem.json + dem.f32). The one place that knows
 * those files: when cities become packages with their own loader, only this function changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemGrid, type DemHeader } from '../../geo/DemGrid';
import type { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { cityModelFromGeoJson } from '../../twin/cityModelFromGeoJson';

/** What the analysis tools need of a city. */
export interface AnalysisCity {
  name: string;
  frame: LocalFrame;
  buildings: BuildingRecord[];
  dem: DemGrid | null;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

/** Reads `<tilesetsDir>/<name>` (default tilesets/ in the working directory); throws naming a missing file. */
export function readAnalysisCity(name: string, tilesetsDir = 'tilesets'): AnalysisCity {
  if (!/^[A-Za-z0-9_.-]+$/.test(name) || name.startsWith('.')) throw new Error(`city name must be a folder name under tilesets/ (letters, digits, "_", "-", "."), got ${JSON.stringify(name)}`);
  const dir = join(tilesetsDir, name);
  const manifestFile = join(dir, 'city.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile}: no such city (build the demo city with \`npm run tiles\`)`);
  const manifest = readJson(manifestFile) as { origin?: { lonDeg?: unknown; latDeg?: unknown } };
  const o = manifest.origin;
  if (typeof o?.lonDeg !== 'number' || typeof o?.latDeg !== 'number') throw new Error(`${manifestFile}: origin: expected {"lonDeg": number, "latDeg": number}`);
  const model = cityModelFromGeoJson({ lonDeg: o.lonDeg, latDeg: o.latDeg }, readJson(join(dir, 'buildings.geojson')) as never, null);
  let dem: DemGrid | null = null;
  if (existsSync(join(dir, 'dem.json'))) {
    const header = readJson(join(dir, 'dem.json')) as DemHeader;
    const bytes = readFileSync(join(dir, 'dem.f32'));
    if (header.originLonDeg !== o.lonDeg || header.originLatDeg !== o.latDeg) throw new Error(`${join(dir, 'dem.json')}: origin ${header.originLonDeg}, ${header.originLatDeg} differs from city.json's ${o.lonDeg}, ${o.latDeg}`);
    dem = new DemGrid(header, new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  }
  return { name, frame: model.frame, buildings: model.buildings, dem };
}
