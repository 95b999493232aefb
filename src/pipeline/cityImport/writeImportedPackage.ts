import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ResourcesFile, SensorsFile, AddressRecord, CityManifest, CityPartName } from '../../twin/package/packageRecords';
import type { PoiRecord } from '../../twin/package/readPois';
import type { WaterBody } from '../../twin/package/readLines';
import { buildCityTilesets } from '../buildCityTilesets';
import type { ImportedCity } from '../import/importCitySources';
import type { ImportReport } from '../import/ImportReport';
import { writeNetworkForCity } from '../network/writeNetworkForCity';
import { buildingFeatures, featureCollectionText, poiFeatures, recordsText, ringToLonLat, unitFeatures } from '../package/geoJsonText';
import { demBoundsLonLat, tiersOf } from '../package/manifestParts';
import { writeDem } from '../package/writeDem';
import { writeCityManifest } from '../package/writeManifest';
import { importedMapLayers } from '../tiles/importedMapLayers';
import type { ImportConfig, SourceSpec } from './ImportConfig';
import type { ImportedResources } from './importResources';
import type { ImportedUnits } from './importUnits';
import type { LoadedImportConfig } from './readImportConfig';

/** Everything an import produced, to be written as a package. */
export interface ImportedParts {
  loaded: LoadedImportConfig;
  outDir: string;
  city: ImportedCity;
  importReport: ImportReport;
  units: ImportedUnits;
  water: WaterBody[];
  resources: ImportedResources;
  addresses: AddressRecord[];
  pois: PoiRecord[];
  sensors: SensorsFile;
  t0: number;
  onProgress?: (step: string, fraction: number) => void;
}

/** What `city import` prints. */
export interface ImportSummary {
  city: string;
  out: string;
  counts: CityManifest['counts'];
  tiers: CityManifest['units']['tiers'];
  derived: CityManifest['provenance']['derived'];
  tiles: number;
  bytes: number;
  network: { nodes: number; edges: number } | null;
  seconds: number;
  report: { counts: Record<string, number>; issues: number };
}

function provenanceSources(c: ImportConfig, baseDir: string, counts: Partial<Record<CityPartName, number>>): CityManifest['provenance']['sources'] {
  const entry = (part: CityPartName, s: Pick<SourceSpec, 'file' | 'crs' | 'licence' | 'date'> & { format?: string }) => ({
    part, file: relative(process.cwd(), join(baseDir, s.file)) || s.file, format: s.format ?? s.file.split('.').pop()!, ...(s.crs ?? c.crs ? { crs: s.crs ?? c.crs } : {}),
    licence: s.licence ?? c.licence ?? 'not stated', ...(s.date ?? c.date ? { date: s.date ?? c.date } : {}), ...(counts[part] !== undefined ? { features: counts[part] } : {}),
  });
  const out = [entry('buildings', c.buildings)];
  if (c.terrain) out.push(entry('terrain', { ...c.terrain, format: c.terrain.file.split('.').slice(1).join('.') }));
  out.push(entry('roads', c.roads ?? c.buildings));
  if (c.water) out.push(entry('water', c.water));
  for (const t of c.units ?? []) out.push(entry('units', t.source));
  for (const [part, s] of [['addresses', c.addresses], ['sensors', c.sensors], ['pois', c.pois]] as const) if (s) out.push(entry(part, s));
  const r = c.resources;
  if (r?.osm) out.push(entry('resources', c.buildings));
  for (const s of [r?.stations, r?.vehicles, r?.hospitals, r?.shelters]) if (s) out.push(entry('resources', s));
  return out;
}

/** Writes the package files, tiles and network, then city.json; returns the summary `city import` prints. */
export function writeImportedPackage(p: ImportedParts): ImportSummary {
  const { config: c, baseDir } = p.loaded, { city, outDir } = p, frame = city.frame, res = p.resources.resources;
  const tiles = buildCityTilesets(city, outDir, { mapLayers: importedMapLayers(city), onProgress: p.onProgress });
  const roads = city.roads.map(({ coordsLonLat, nodeIds: _, ...props }) => ({ type: 'Feature', id: props.id, properties: props, geometry: { type: 'LineString', coordinates: coordsLonLat } }));
  const water = p.water.map(({ rings, ...props }) => ({ type: 'Feature', id: props.id, properties: props, geometry: { type: 'MultiPolygon', coordinates: rings.map((r) => [ringToLonLat(frame, r, true)]) } }));
  writeFileSync(join(outDir, 'buildings.geojson'), featureCollectionText(buildingFeatures(frame, city.buildings)));
  writeFileSync(join(outDir, 'roads.geojson'), featureCollectionText(roads));
  writeFileSync(join(outDir, 'river.geojson'), featureCollectionText(water));
  writeFileSync(join(outDir, 'units.geojson'), featureCollectionText(unitFeatures(frame, p.units.units)));
  writeFileSync(join(outDir, 'sensors.json'), recordsText(p.sensors));
  writeFileSync(join(outDir, 'resources.json'), recordsText(res));
  writeFileSync(join(outDir, 'addresses.json'), recordsText({ addresses: p.addresses }));
  writeFileSync(join(outDir, 'pois.geojson'), featureCollectionText(poiFeatures(p.pois)));
  writeDem(outDir, city.dem);
  // OSM ways share nodes where they meet; other sources get crossings noded.
  const network = city.roads.length ? writeNetworkForCity(outDir, { nodeCrossings: city.report.stats.sourceFormat === 'geojson' }) : null;
  writeFileSync(join(outDir, 'import-report.json'), JSON.stringify({ ...city.report, config: p.loaded.file, cityImport: p.importReport.toJSON() }, null, 1) + '\n');
  rmSync(join(outDir, '.sources'), { recursive: true, force: true });
  const flat = !c.terrain;
  const derived: CityManifest['provenance']['derived'] = [
    ...(flat ? [{ part: 'terrain' as const, how: 'no DEM given: a flat 0 m ground' }] : []),
    ...p.units.derived.map((how) => ({ part: 'units' as const, how })),
    ...(p.sensors.synthetic ? [{ part: 'sensors' as const, how: `${p.sensors.sensors.length} synthetic sensors placed by the simulator rules (no sensor registry given)` }] : []),
    ...p.resources.derived.map((how) => ({ part: 'resources' as const, how })),
    ...(!c.addresses ? [{ part: 'addresses' as const, how: `${p.addresses.length} addresses from the buildings' own address tags` }] : []),
  ];
  const counts = {
    buildings: city.buildings.length, roads: city.roads.length, units: p.units.units.length, population: city.buildings.reduce((s, b) => s + b.population, 0),
    sensors: p.sensors.sensors.length, stations: res.stations.length, vehicles: res.vehicles.length, hospitals: res.hospitals.length,
    shelters: res.shelters.length, pois: p.pois.length, addresses: p.addresses.length,
  };
  const manifest = writeCityManifest(outDir, {
    name: c.name, title: c.title, origin: { lonDeg: frame.originLonDeg, latDeg: frame.originLatDeg }, boundsLonLat: demBoundsLonLat(frame, city.dem),
    sourceCrs: c.buildings.crs ?? c.crs ?? 'EPSG:4326', counts,
    buildings: { tileset: 'buildings/tileset.json', table: 'buildings.geojson' },
    terrain: { tileset: 'terrain/tileset.json', dem: 'dem.json', heights: 'dem.f32', flat },
    roads: { lines: 'roads.geojson', ...(network ? { network: 'network.bin' } : {}) }, water: { file: 'river.geojson' },
    units: { file: 'units.geojson', rootId: p.units.rootId, tiers: tiersOf(p.units.units, p.units.tierNames) },
    addresses: { file: 'addresses.json' }, sensors: { file: 'sensors.json' }, resources: { file: 'resources.json' }, pois: { file: 'pois.geojson' },
    provenance: {
      generator: 'rongcheng-twin city import (npm run -s cli -- city import)', createdAt: new Date().toISOString(), config: relative(process.cwd(), p.loaded.file),
      sources: provenanceSources(c, baseDir, { buildings: city.buildings.length, roads: city.roads.length, sensors: c.sensors ? p.sensors.sensors.length : undefined }), derived,
    },
  });
  const ir = p.importReport.toJSON();
  return {
    city: c.name, out: outDir, counts, tiers: manifest.units.tiers, derived, tiles: tiles.buildingTiles + tiles.terrainTiles, bytes: tiles.bytes,
    network: network ? { nodes: network.nodes, edges: network.edges } : null, seconds: Math.round((performance.now() - p.t0) / 10) / 100,
    report: { counts: { ...city.report.counts, ...ir.counts }, issues: city.report.issues.length + ir.issues.length },
  };
}
