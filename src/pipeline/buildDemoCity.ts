import { rmSync } from 'node:fs';
import { buildCityTilesets, type PipelineProgress, type TilesetsSummary } from './buildCityTilesets';
import { DEFAULT_DEMO_SEED, generateDemoCity } from './demo-city/generateDemoCity';
import { checkPackageName, DEMO_CITY_NAME, scaledDemoName } from './demo-city/demoCityName';
import { DEMO_PLAN, demoPlanFor } from './demo-city/DemoPlan';
import { demoMapLayers } from './demo-city/demoMapLayers';
import { writeCitySources } from './demo-city/writeCitySources';
import { writeDemoPackage } from './demo-city/writeDemoPackage';
import { networkFigures, writeNetworkForCity } from './network/writeNetworkForCity';

export interface DemoCitySummary extends TilesetsSummary {
  /** The car network written to network.bin, and the walk network (network-walk.bin); contractionS: its hierarchy's build (s). */
  network: ReturnType<typeof networkFigures>;
  /** The package's name: `demo`, or the scaled city's own (scaledDemoName, or `name` given). */
  city: string;
  seed: number;
  /** Sensors, stations and vehicles written to the package. */
  sensors: number;
  stations: number;
  vehicles: number;
  /** Side of the built-up square (km) and its plan scale against the demo city (1). */
  sideKm: number;
  planScale: number;
  tiles: number;
  population: number;
  seconds: number;
}

export interface BuildDemoCityOptions {
  seed?: number;
  /** Exactly this many buildings on a plan scaled to hold them (default: the demo city, 22,921 at the default seed). */
  buildings?: number;
  /**
   * The package's name (city.json, sensor topics): default `demo` for the demo city and
   * scaledDemoName(buildings) (`demo-100k`) with `buildings`, so a scaled city never shares the
   * demo city's topics and channels.
   */
  name?: string;
  /** worker_threads for the building tiler (default one per core); 0 tiles in this thread. */
  workers?: number;
  onProgress?: PipelineProgress;
}

/**
 * Generates the demo city (at any size) and writes its city package into `outDir`: sources, DEM,
 * both tilesets, network, registries, city.json.
 */
export async function buildDemoCity(outDir: string, opts: BuildDemoCityOptions = {}): Promise<DemoCitySummary> {
  const t0 = performance.now();
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  opts.onProgress?.('generating city', 0);
  const plan = opts.buildings === undefined ? DEMO_PLAN : demoPlanFor(opts.buildings);
  const name = checkPackageName(opts.name ?? (opts.buildings === undefined ? DEMO_CITY_NAME : scaledDemoName(opts.buildings)), 'the package name');
  const city = generateDemoCity(seed, plan);
  rmSync(outDir, { recursive: true, force: true });
  const counts = writeCitySources(outDir, city);
  opts.onProgress?.('generating city', 1);
  const summary = await buildCityTilesets(city, outDir, { mapLayers: demoMapLayers(city), onProgress: opts.onProgress, tiler: { workers: opts.workers } });
  opts.onProgress?.('road network', 0);
  const network = writeNetworkForCity(outDir, { nodeCrossings: true });
  opts.onProgress?.('road network', 1);
  const manifest = writeDemoPackage(outDir, city, name);
  return {
    network: networkFigures(network),
    city: name, seed, sensors: manifest.counts.sensors, stations: manifest.counts.stations, vehicles: manifest.counts.vehicles,
    sideKm: (2 * plan.halfSideM) / 1000, planScale: Math.round(plan.scale * 1000) / 1000, ...summary, tiles: summary.buildingTiles + summary.terrainTiles,
    population: counts.population, seconds: Math.round((performance.now() - t0) / 10) / 100,
  };
}
