import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { DemGrid } from '../../../geo/DemGrid';
import type { LocalFrame } from '../../../geo/LocalFrame';
import type { BuildingRecord } from '../../../twin/BuildingRecord';
import { BuildingStats } from './BuildingStats';
import { clusterBlocks } from './clusterBlocks';
import { packBuildings } from './PackedBuildings';
import { DEFAULT_TILE_LIMITS, planTileTree, treeNodes, type TileLimits, type TileNode } from './planTileTree';
import type { TileJob } from './tileContent';
import type { WrittenTile } from './TileWriter';
import { tilesetJson } from './tilesetJson';
import { writeTiles } from './writeTiles';

export interface StreamingTilerOptions {
  /**
   * worker_threads writing tiles; 0 writes them in this thread. Default: one per core (up to 8) from
   * PARALLEL_FROM_BUILDINGS buildings, else 0 (starting a worker costs ~0.5 s, more than it saves).
   */
  workers?: number;
  limits?: Partial<TileLimits>;
  /** Tiles written so far, of all planned. */
  onProgress?: (done: number, total: number) => void;
  /** Stops between tiles (the tiles written stay; no tileset.json is written) and rejects. */
  signal?: AbortSignal;
}

export interface StreamingTilerResult {
  tiles: number;
  buildings: number;
  bytes: number;
  levels: number;
  leaves: number;
  /** Largest tile (bytes, features) written: both stay under the limits. */
  maxTileBytes: number;
  maxTileFeatures: number;
  tilesetJsonBytes: number;
  workers: number;
}

/** Cities at least this large are tiled on worker_threads by default. */
export const PARALLEL_FROM_BUILDINGS = 50_000;

/** Coarse tiles' geometric error per meter of their block cell, and the tileset's above its root. */
const ERROR_PER_CELL_M = 1;
const TILESET_ERROR_PER_ROOT_ERROR = 4;

/** Tile jobs in tree order: a leaf's buildings, or an inner node's merged blocks. */
function* tileJobs(nodes: TileNode[], stats: BuildingStats, buildings: ReadonlyArray<BuildingRecord>, limits: TileLimits, errors: Map<TileNode, number>): Generator<TileJob> {
  const parentCellM = new Map<TileNode, number>();
  for (const node of nodes) {
    const uri = `b/${node.level}/${node.x}_${node.y}.glb`;
    if (node.children.length === 0) {
      errors.set(node, 0);
      yield { kind: 'leaf', uri, buildings: packBuildings(buildings, node.buildings) };
    } else {
      const { blocks, cellM } = clusterBlocks(node, stats, buildings, limits.blockGrid, parentCellM.get(node));
      for (const c of node.children) parentCellM.set(c, cellM);
      errors.set(node, Math.round(cellM * ERROR_PER_CELL_M * 100) / 100);
      yield { kind: 'blocks', uri, blocks };
    }
  }
}

/**
 * The streaming building tiler: plans a quadtree from flat per-building stats, then writes each
 * tile as soon as it is made, on worker_threads, so no more than one tile's records and mesh per
 * worker are in memory beside the building list. Leaves hold the buildings (at most
 * `leafTargetBytes` each by estimate, `maxTileBytes`/`maxTileFeatures` hard); every inner tile holds
 * the merged blocks of all its buildings (REPLACE refinement), so a city-wide view loads a coarse
 * city of bounded size whatever the city's. Tile bytes do not depend on the number of workers.
 */
export async function tileBuildingsStreaming(
  buildings: ReadonlyArray<BuildingRecord>, frame: LocalFrame, dem: DemGrid, dir: string, opts: StreamingTilerOptions = {},
): Promise<StreamingTilerResult> {
  if (buildings.length === 0) throw new Error('tiler: no buildings to tile');
  const limits = { ...DEFAULT_TILE_LIMITS, ...opts.limits };
  if (2 * limits.blockGrid ** 2 > limits.maxTileFeatures) {
    throw new Error(`tiler: a block grid of ${limits.blockGrid}² cells (up to two features a cell) exceeds the cap of ${limits.maxTileFeatures} features a tile`);
  }
  const workers = opts.workers ?? (buildings.length >= PARALLEL_FROM_BUILDINGS ? Math.min(8, availableParallelism()) : 0);
  mkdirSync(dir, { recursive: true });
  const stats = new BuildingStats(buildings);
  const root = planTileTree(stats, limits);
  const nodes = treeNodes(root);
  const written = new Map<string, WrittenTile>();
  const errors = new Map<TileNode, number>();
  let bytes = 0, maxTileBytes = 0, maxTileFeatures = 0;
  await writeTiles(tileJobs(nodes, stats, buildings, limits, errors), {
    dir, originLonDeg: frame.originLonDeg, originLatDeg: frame.originLatDeg,
    dem: { header: dem.header(), heightsM: dem.heightsM }, maxTileBytes: limits.maxTileBytes, maxTileFeatures: limits.maxTileFeatures,
  }, workers, (t) => {
    written.set(t.uri, t);
    bytes += t.bytes;
    maxTileBytes = Math.max(maxTileBytes, t.bytes);
    maxTileFeatures = Math.max(maxTileFeatures, t.features);
    opts.onProgress?.(written.size, nodes.length);
  }, opts.signal);
  const json = tilesetJson(root, written, errors, frame, stats, TILESET_ERROR_PER_ROOT_ERROR);
  const text = JSON.stringify(json) + '\n';
  writeFileSync(join(dir, 'tileset.json'), text);
  return {
    tiles: nodes.length, buildings: buildings.length, bytes: bytes + text.length, levels: Math.max(...nodes.map((n) => n.level)) + 1,
    leaves: nodes.filter((n) => n.children.length === 0).length, maxTileBytes, maxTileFeatures, tilesetJsonBytes: text.length, workers,
  };
}
