import { rmSync } from 'node:fs';
import { buildCityTilesets, type PipelineProgress, type TilesetsSummary } from './buildCityTilesets';
import { DEFAULT_DEMO_SEED, generateDemoCity } from './demo-city/generateDemoCity';
import { demoMapLayers } from './demo-city/demoMapLayers';
import { writeCitySources } from './demo-city/writeCitySources';
import { writeDemoPackage } from './demo-city/writeDemoPackage';
import { writeNetworkForCity } from './network/writeNetworkForCity';

export interface DemoCitySummary extends TilesetsSummary {
  /** The routable road graph written to network.bin. */
  network: { nodes: number; edges: number; bytes: number };
  city: 'demo';
  seed: number;
  /** Sensors, stations and vehicles written to the package. */
  sensors: number;
  stations: number;
  vehicles: number;
  tiles: number;
  population: number;
  seconds: number;
}

/** Generates the demo city and writes its city package into `outDir`: sources, DEM, both tilesets, network, registries, city.json. */
export async function buildDemoCity(outDir: string, opts: { seed?: number; onProgress?: PipelineProgress } = {}): Promise<DemoCitySummary> {
  const t0 = performance.now();
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  opts.onProgress?.('generating city', 0);
  const city = generateDemoCity(seed);
  rmSync(outDir, { recursive: true, force: true });
  const counts = writeCitySources(outDir, city);
  opts.onProgress?.('generating city', 1);
  const summary = buildCityTilesets(city, outDir, { mapLayers: demoMapLayers(city), onProgress: opts.onProgress });
  opts.onProgress?.('road network', 0);
  const network = writeNetworkForCity(outDir, { nodeCrossings: true });
  opts.onProgress?.('road network', 1);
  const manifest = writeDemoPackage(outDir, city);
  return {
    network: { nodes: network.nodes, edges: network.edges, bytes: network.bytes },
    city: 'demo', seed, sensors: manifest.counts.sensors, stations: manifest.counts.stations, vehicles: manifest.counts.vehicles, ...summary, tiles: summary.buildingTiles + summary.terrainTiles,
    population: counts.population, seconds: Math.round((performance.now() - t0) / 10) / 100,
  };
}
