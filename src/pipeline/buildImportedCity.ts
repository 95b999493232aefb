import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCityTilesets, type PipelineProgress, type TilesetsSummary } from './buildCityTilesets';
import { writeDem } from './demo-city/writeCitySources';
import { importCitySources, type ImportCityOptions, type ImportedCity } from './import/importCitySources';
import type { MapLayers, Rgb } from './tiles/MapPainter';
import { elevationLayers } from './tiles/tileTerrain';
import type { ImportReportJson } from './import/ImportReport';
import { writeNetworkForCity } from './network/writeNetworkForCity';

export interface ImportedCitySummary extends TilesetsSummary {
  tiles: number;
  roads: number;
  network: { nodes: number; edges: number; bytes: number } | null;
  seconds: number;
  buildingsPerSecond: number;
  report: ImportReportJson;
}

const deg = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * Imports real data (buildings, optional DEM, in any supported CRS) and tiles it like the demo
 * city into `outDir`: buildings/ and terrain/ tilesets, buildings.geojson, roads.geojson, dem.*,
 * city.json and import-report.json (everything skipped, repaired or defaulted, and why).
 */
export async function buildImportedCity(outDir: string, opts: ImportCityOptions & { name?: string; onProgress?: PipelineProgress }): Promise<ImportedCitySummary> {
  const t0 = performance.now();
  const city = await importCitySources(opts);
  const importSeconds = (performance.now() - t0) / 1000;
  if (city.buildings.length === 0) {
    throw new Error(`${opts.buildingsPath}: no buildings could be imported (see the report: ${JSON.stringify(city.report.counts)})`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const { frame } = city;
  const summary = await buildCityTilesets(city, outDir, { mapLayers: importedMapLayers(city), onProgress: opts.onProgress });
  const features = city.buildings.map(({ footprint, ...props }) => {
    const ring = footprint.map(([x, y]) => frame.toLonLat(x, y).map(deg));
    ring.push([...ring[0]]);
    return { type: 'Feature', id: props.id, properties: props, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
  const roads = city.roads.map(({ coordsLonLat, ...props }) => ({ type: 'Feature', id: props.id, properties: props, geometry: { type: 'LineString', coordinates: coordsLonLat } }));
  const fc = (f: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features: f }) + '\n';
  writeFileSync(join(outDir, 'buildings.geojson'), fc(features));
  writeFileSync(join(outDir, 'roads.geojson'), fc(roads));
  writeDem(outDir, city.dem);
  // OSM ways share nodes where they meet; other sources get crossings noded.
  const network = city.roads.length ? writeNetworkForCity(outDir, { nodeCrossings: city.report.stats.sourceFormat === 'geojson' }) : null;
  writeFileSync(join(outDir, 'import-report.json'), JSON.stringify(city.report, null, 1) + '\n');
  writeFileSync(join(outDir, 'city.json'), JSON.stringify({
    name: opts.name ?? 'imported', title: `Imported city (${opts.buildingsPath.split('/').pop()})`,
    origin: { lonDeg: frame.originLonDeg, latDeg: frame.originLatDeg },
    counts: { buildings: city.buildings.length, roads: city.roads.length, units: 0, population: city.buildings.reduce((s, b) => s + b.population, 0) },
  }, null, 2) + '\n');
  return {
    ...summary, tiles: summary.buildingTiles + summary.terrainTiles, roads: city.roads.length,
    network: network ? { nodes: network.nodes, edges: network.edges, bytes: network.bytes } : null,
    seconds: Math.round((performance.now() - t0) / 10) / 100,
    buildingsPerSecond: Math.round(city.buildings.length / importSeconds),
    report: city.report,
  };
}

const EXPRESSWAY = { widthM: 30, color: [214, 178, 96] as Rgb }, PRIMARY = { widthM: 22, color: [226, 214, 170] as Rgb };
const SECONDARY = { widthM: 16, color: [120, 124, 132] as Rgb }, LOCAL = { widthM: 9, color: [96, 100, 107] as Rgb };
/** Demo classes and the OSM highway values imports carry (links drawn like their road). */
const ROAD_STYLE: Record<string, { widthM: number; color: Rgb }> = {
  expressway: EXPRESSWAY, motorway: EXPRESSWAY, trunk: EXPRESSWAY, primary: PRIMARY,
  secondary: SECONDARY, tertiary: SECONDARY, local: LOCAL,
};

/** Ground coloured by elevation with the imported roads painted on at a width by class. */
function importedMapLayers(city: ImportedCity): MapLayers {
  let min = Infinity, max = -Infinity;
  for (const h of city.dem.heightsM) if (Number.isFinite(h)) { min = Math.min(min, h); max = Math.max(max, h); }
  const base = elevationLayers(city.dem, min, max);
  const lines = city.roads.map((r) => ({
    coords: r.coordsLonLat.map(([lon, lat]) => city.frame.toPlane(lon, lat)),
    ...(ROAD_STYLE[r.roadClass.replace(/_link$/, '')] ?? LOCAL),
  }));
  lines.sort((a, b) => a.widthM - b.widthM);
  return { ...base, lines };
}
