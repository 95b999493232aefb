import { join } from 'node:path';
import type { DemGrid } from '../geo/DemGrid';
import type { LocalFrame } from '../geo/LocalFrame';
import type { BuildingRecord } from '../twin/BuildingRecord';
import { tileBuildings } from './tiles/tileBuildings';
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
  terrainTiles: number;
  terrainLevels: number;
  bytes: number;
}

/** Progress of a long pipeline step: what is being done and how far (0..1). */
export type PipelineProgress = (step: string, fraction: number) => void;

/** Writes `outDir/buildings/` and `outDir/terrain/` tilesets for a city's sources. */
export function buildCityTilesets(src: CitySources, outDir: string, opts: { mapLayers?: MapLayers; onProgress?: PipelineProgress } = {}): TilesetsSummary {
  let min = Infinity, max = -Infinity;
  for (const h of src.dem.heightsM) if (Number.isFinite(h)) { min = Math.min(min, h); max = Math.max(max, h); }
  const terrain = tileTerrain(fitDemForTiling(src.dem), src.frame, join(outDir, 'terrain'), opts.mapLayers ?? elevationLayers(src.dem, min, max),
    (d, t) => opts.onProgress?.('terrain tiles', d / t));
  const buildings = tileBuildings(src.buildings, src.frame, src.dem, join(outDir, 'buildings'),
    (d, t) => opts.onProgress?.('building tiles', d / t));
  return {
    buildings: buildings.buildings, buildingTiles: buildings.tiles, terrainTiles: terrain.tiles,
    terrainLevels: terrain.levels, bytes: buildings.bytes + terrain.bytes,
  };
}
