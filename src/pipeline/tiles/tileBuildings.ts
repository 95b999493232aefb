/**
 * The first building tiler, kept as the peer the streaming tiler (stream/tileBuildingsStreaming) is
 * measured against in `npm run bench -- megacity`: the whole tree in memory, one thread, ADD
 * refinement by height (every tower of 120 m or more in the root tile, whatever the city's size).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DemGrid } from '../../geo/DemGrid';
import type { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { buildTileContent } from './stream/tileContent';
import { packBuildings } from './stream/PackedBuildings';
import { boxOf, emptyBounds, unionBounds, type Bounds3 } from './tilesetBox';

/** Height thresholds (m) of the quadtree levels: level k holds buildings at least this tall. */
export const LEVEL_MIN_HEIGHT_M = [120, 60, 30, 15, 0];
/**
 * A tile's geometric error is the height of the tallest building its descendants add, times this:
 * at the default 16 px screen-space error a 15 m building appears within ~2.3 km, a 60 m one within ~9 km.
 */
const ERROR_PER_HIDDEN_HEIGHT = 4;

interface Node {
  level: number; x: number; y: number;
  /** Indices into the city's building list. */
  buildings: number[];
  children: Node[];
}

export interface TileBuildingsResult { tiles: number; buildings: number; bytes: number }

function levelOf(heightM: number): number {
  return LEVEL_MIN_HEIGHT_M.findIndex((h) => heightM >= h);
}

function centroid(b: BuildingRecord): [number, number] {
  let x = 0, y = 0;
  for (const p of b.footprint) { x += p[0]; y += p[1]; }
  return [x / b.footprint.length, y / b.footprint.length];
}

/** Builds an ADD-refinement quadtree: tall buildings near the root, the rest in ever smaller tiles. */
function buildTree(buildings: BuildingRecord[]): { root: Node; extent: [number, number, number] } {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const b of buildings) for (const [x, y] of b.footprint) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  const size = Math.max(maxX - minX, maxY - minY) * 1.0001 + 1;
  const nodes = new Map<string, Node>();
  const get = (level: number, x: number, y: number): Node => {
    const key = `${level}/${x}/${y}`;
    let n = nodes.get(key);
    if (!n) {
      n = { level, x, y, buildings: [], children: [] };
      nodes.set(key, n);
      if (level > 0) get(level - 1, x >> 1, y >> 1).children.push(n);
    }
    return n;
  };
  const root = get(0, 0, 0);
  buildings.forEach((b, i) => {
    const level = levelOf(b.heightM);
    const [cx, cy] = centroid(b);
    const cells = 1 << level;
    const x = Math.min(cells - 1, Math.floor(((cx - minX) / size) * cells));
    const y = Math.min(cells - 1, Math.floor(((cy - minY) / size) * cells));
    get(level, x, y).buildings.push(i);
  });
  return { root, extent: [minX, minY, size] };
}

function writeContent(node: Node, all: ReadonlyArray<BuildingRecord>, frame: LocalFrame, dem: DemGrid, dir: string): { uri: string; bounds: Bounds3; bytes: number } {
  const uri = `b/${node.level}/${node.x}_${node.y}.glb`;
  const content = buildTileContent({ kind: 'leaf', uri, buildings: packBuildings(all, Uint32Array.from(node.buildings)) }, frame, dem);
  mkdirSync(dirname(join(dir, uri)), { recursive: true });
  writeFileSync(join(dir, uri), content.bytes);
  return { uri, bounds: content.bounds, bytes: content.bytes.byteLength };
}

/**
 * Tiles buildings into `dir/tileset.json` + `dir/b/<level>/<x>_<y>.glb`: 3D Tiles 1.1 with glTF
 * content batched per tile (EXT_mesh_features ids, EXT_structural_metadata table), walls standing on
 * the DEM, and one ENU root transform at the frame origin. `onProgress(done, total)` counts tiles.
 */
export function tileBuildings(
  buildings: BuildingRecord[], frame: LocalFrame, dem: DemGrid, dir: string,
  onProgress?: (done: number, total: number) => void,
): TileBuildingsResult {
  if (buildings.length === 0) throw new Error('tileBuildings: no buildings to tile');
  mkdirSync(dir, { recursive: true });
  const { root } = buildTree(buildings);
  const total = countNodes(root);
  let done = 0, bytes = 0, tiles = 0;
  const visit = (node: Node): { json: Record<string, unknown>; bounds: Bounds3; maxHiddenHeight: number } | null => {
    const children = node.children.map(visit).filter((c) => c !== null);
    let bounds = emptyBounds();
    let maxHidden = 0;
    for (const c of children) {
      bounds = unionBounds(bounds, c.bounds);
      maxHidden = Math.max(maxHidden, c.maxHiddenHeight);
    }
    const json: Record<string, unknown> = {};
    let ownMax = 0;
    if (node.buildings.length > 0) {
      const content = writeContent(node, buildings, frame, dem, dir);
      bounds = unionBounds(bounds, content.bounds);
      json.content = { uri: content.uri, boundingVolume: boxOf(content.bounds) };
      bytes += content.bytes;
      tiles++;
      ownMax = Math.max(...node.buildings.map((i) => buildings[i].heightM));
    }
    onProgress?.(++done, total);
    if (!json.content && children.length === 0) return null;
    json.boundingVolume = boxOf(bounds);
    json.geometricError = Math.round(maxHidden * ERROR_PER_HIDDEN_HEIGHT * 100) / 100;
    if (children.length) json.children = children.map((c) => c.json);
    return { json: orderKeys(json), bounds, maxHiddenHeight: Math.max(maxHidden, ownMax) };
  };
  const top = visit(root)!;
  const rootJson = { ...top.json, transform: frame.enuToEcefMatrix(), refine: 'ADD' };
  const tileset = {
    asset: { version: '1.1', generator: 'rongcheng-twin pipeline' },
    properties: heightRange(buildings),
    geometricError: Math.round(top.maxHiddenHeight * ERROR_PER_HIDDEN_HEIGHT * 2 * 100) / 100,
    root: orderKeys(rootJson),
  };
  const text = JSON.stringify(tileset, null, 1) + '\n';
  writeFileSync(join(dir, 'tileset.json'), text);
  return { tiles, buildings: buildings.length, bytes: bytes + text.length };
}

function countNodes(n: Node): number {
  return 1 + n.children.reduce((s, c) => s + countNodes(c), 0);
}

function heightRange(buildings: BuildingRecord[]): Record<string, { minimum: number; maximum: number }> {
  let min = Infinity, max = -Infinity;
  for (const b of buildings) { min = Math.min(min, b.heightM); max = Math.max(max, b.heightM); }
  return { height: { minimum: min, maximum: max } };
}

const KEY_ORDER = ['boundingVolume', 'transform', 'geometricError', 'refine', 'content', 'children'];
function orderKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(KEY_ORDER.filter((k) => k in o).map((k) => [k, o[k]]));
}
