import { join } from 'node:path';
import type { DemGrid } from '../geo/DemGrid';
import type { LocalFrame } from '../geo/LocalFrame';
import type { BuildingRecord } from '../twin/BuildingRecord';
import { tileBuildingsStreaming, type StreamingTilerOptions } from './tiles/stream/tileBuildingsStreaming';
import type { MapLayers } from './tiles/MapPainter';
import { fitDemForTiling } from './tiles/fitDemForTiling';
import { elevationLayers, tileTerrain } from './tiles/tileTerrain';

export interface CitySources {
  frame: LocalFrame;
  dem: DemGrid;
  buildings: BuildingRecord[];
}

export interface TilesetsSummary {
  buildings: number;
  buildingTiles: number;
  /** Levels of the building tree, its largest tile (bytes, features), the worker_threads that wrote it. */
  buildingLevels: number;
  maxBuildingTileBytes: number;
  maxBuildingTileFeatures: number;
  tilerWorkers: number;
  /** Seconds spent tiling the buildings. */
  buildingSeconds: number;
  terrainTiles: number;
  terrainLevels: number;
  bytes: number;
}

/** Progress of a long pipeline step: what is being done and how far (0..1). */
export type PipelineProgress = (step: string, fraction: number) => void;

/** Writes `outDir/buildings/` and `outDir/terrain/` tilesets for a city's sources. */
export async function buildCityTilesets(
  src: CitySources, outDir: string, opts: { mapLayers?: MapLayers; onProgress?: PipelineProgress; tiler?: Pick<StreamingTilerOptions, 'workers' | 'limits'> } = {},
): Promise<TilesetsSummary> {
  let min = Infinity, max = -Infinity;
  for (const h of src.dem.heightsM) if (Number.isFinite(h)) { min = Math.min(min, h); max = Math.max(max, h); }
  const terrain = tileTerrain(fitDemForTiling(src.dem), src.frame, join(outDir, 'terrain'), opts.mapLayers ?? elevationLayers(src.dem, min, max),
    (d, t) => opts.onProgress?.('terrain tiles', d / t));
  const t0 = performance.now();
  const buildings = await tileBuildingsStreaming(src.buildings, src.frame, src.dem, join(outDir, 'buildings'), {
    ...opts.tiler, onProgress: (d, t) => opts.onProgress?.('building tiles', d / t),
  });
  return {
    buildings: buildings.buildings, buildingTiles: buildings.tiles, buildingLevels: buildings.levels,
    maxBuildingTileBytes: buildings.maxTileBytes, maxBuildingTileFeatures: buildings.maxTileFeatures, tilerWorkers: buildings.workers,
    buildingSeconds: Math.round(performance.now() - t0) / 1000, terrainTiles: terrain.tiles,
    terrainLevels: terrain.levels, bytes: buildings.bytes + terrain.bytes,
  };
}
