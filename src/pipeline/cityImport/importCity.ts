import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSensorRegistry } from '../../signs/registry/buildSensorRegistry';
import { toSensorsFile } from '../../signs/registry/sensorRecords';
import type { PlaneRoad } from '../../twin/PlaneRoad';
import type { SensorsFile } from '../../twin/package/packageRecords';
import { importCitySources, type ImportedCity } from '../import/importCitySources';
import { ImportReport } from '../import/ImportReport';
import { demBoundsLonLat } from '../package/manifestParts';
import { assignBuildings } from './assignBuildings';
import { bridgeSource } from './bridgeSource';
import type { PlaneBox } from './deriveGrid';
import type { ImportConfig } from './ImportConfig';
import type { BboxLonLat } from './LonLatUnit';
import { importAddresses, importPois, sensorsFromTable } from './importPoints';
import { importResources } from './importResources';
import { importUnits } from './importUnits';
import { importWater } from './importWater';
import { osmFacilities } from './osm/osmFacilities';
import { readOsmCity, type OsmCity } from './osm/readOsmCity';
import type { LoadedImportConfig } from './readImportConfig';
import type { SourceContext } from './sources/readSourceFeatures';
import { writeImportedPackage, type ImportSummary } from './writeImportedPackage';

/** Progress of a long step: what is being done and how far (0..1). */
export type ImportProgress = (step: string, fraction: number) => void;

/** Buildings, roads and the DEM through the pipeline's importer (OSM, GeoJSON; Shapefiles bridged to GeoJSON). */
async function importGeometry(c: ImportConfig, ctx: SourceContext, workDir: string, onProgress?: ImportProgress): Promise<{ city: ImportedCity; osm: OsmCity | null }> {
  const b = await bridgeSource(c.buildings, ctx, '/buildings', workDir, 'buildings');
  const r = c.roads ? await bridgeSource(c.roads, ctx, '/roads', workDir, 'roads') : null;
  const t = c.terrain;
  const city = await importCitySources({
    buildingsPath: b.path, roadsFrom: r?.path, crs: b.crs ?? c.crs, demPath: t ? join(ctx.baseDir, t.file) : undefined, demCrs: t?.crs,
    demCellSizeM: t?.cellSizeM, geoidOffsetM: t?.geoidOffsetM, originLonLat: c.origin ? [c.origin[0], c.origin[1]] : undefined, onProgress,
  });
  if (city.buildings.length === 0) throw new Error(`${b.path}: no buildings could be imported (see the report: ${JSON.stringify(city.report.counts)})`);
  return { city, osm: b.format === 'osm' ? await readOsmCity(b.path, ctx.report) : null };
}

/** Margin of the units' extent around the buildings (m). */
const UNITS_MARGIN_M = 200;

/** The buildings' extent plus a margin, in the plane and as a lon/lat bbox (clipped to the DEM). */
function buildingsBox(city: ImportedCity, marginM: number): { plane: PlaneBox; bbox: BboxLonLat } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of city.buildings) for (const [x, y] of b.footprint) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  const d = city.dem;
  const plane = { xMinM: Math.max(d.xMinM, x0 - marginM), yMinM: Math.max(d.yMinM, y0 - marginM), xMaxM: Math.min(d.xMaxM, x1 + marginM), yMaxM: Math.min(d.yMaxM, y1 + marginM) };
  const corners = [[plane.xMinM, plane.yMinM], [plane.xMaxM, plane.yMinM], [plane.xMinM, plane.yMaxM], [plane.xMaxM, plane.yMaxM]].map(([x, y]) => city.frame.toLonLat(x, y));
  const lon = corners.map((c) => c[0]), lat = corners.map((c) => c[1]);
  return { plane, bbox: [Math.min(...lon), Math.min(...lat), Math.max(...lon), Math.max(...lat)] };
}

/** Imported roads in the city's plane (what the sensor rules place detectors on). */
function planeRoads(city: ImportedCity): PlaneRoad[] {
  return city.roads.map((r) => ({ id: r.id, name: r.name, namePinyin: r.name, roadClass: r.roadClass, speedKmh: r.speedKmh, oneway: r.oneway, lanes: 2, widthM: 7, coords: r.coordsLonLat.map(([lon, lat]) => city.frame.toPlane(lon, lat)) }));
}

/**
 * Imports a city from an import config into a city package at `outDir`: buildings, roads and DEM
 * (tiled like the demo), spatial units (given tiers, derived grid), water, addresses, sensors
 * (given, else synthetic by the simulator's rules), resources (given, OSM, or none), POIs, the
 * network, city.json with provenance, and import-report.json. What is derived is said so.
 */
export async function importCity(loaded: LoadedImportConfig, outDir: string, onProgress?: ImportProgress): Promise<ImportSummary> {
  const t0 = performance.now();
  const { config: c, baseDir } = loaded;
  const report = new ImportReport();
  const ctx: SourceContext = { baseDir, defaultCrs: c.crs ?? 'EPSG:4326', report };
  rmSync(outDir, { recursive: true, force: true });
  const { city, osm } = await importGeometry(c, ctx, join(outDir, '.sources'), onProgress);
  // Units and the derived grid cover the buildings (plus a margin), not the far ends of roads an extract keeps whole.
  const area = buildingsBox(city, UNITS_MARGIN_M);
  const bbox = demBoundsLonLat(city.frame, city.dem);
  onProgress?.('units', 0);
  const units = await importUnits(c, ctx, city.frame, area, report);
  assignBuildings(city.buildings, units.units, loaded.file, report);
  const water = await importWater(c.water, osm, ctx, city.frame, bbox);
  const facilities = osm ? osmFacilities(osm) : null;
  const resources = await importResources(c.resources, facilities, ctx);
  const addresses = await importAddresses(c.addresses, ctx, city.frame, city.buildings);
  const pois = await importPois(c.pois, ctx, facilities);
  let sensors: SensorsFile;
  if (c.sensors) sensors = await sensorsFromTable(c.sensors, ctx, c.name, city.frame, units.units);
  else {
    const river = water.flatMap((w) => w.rings).sort((a, b) => b.length - a.length)[0] ?? [];
    sensors = toSensorsFile(buildSensorRegistry({ name: c.name, frame: city.frame, units: units.units, buildings: city.buildings, roads: planeRoads(city), river }), 'synthetic: placed by the simulator rules (src/signs/registry/buildSensorRegistry)');
  }
  onProgress?.('tiles', 0);
  return writeImportedPackage({ loaded, outDir, city, importReport: report, units, water, resources, addresses, pois, sensors, t0, onProgress });
}
