import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemGrid } from '../../geo/DemGrid';
import type { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { GL, GlbBuilder } from '../gltf/GlbBuilder';
import { addPropertyTable } from '../gltf/propertyTable';
import { BUILDING_SCHEMA } from './buildingSchema';
import { extrudeBuildings } from './extrudeBuildings';
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
  buildings: BuildingRecord[];
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
  for (const b of buildings) {
    const level = levelOf(b.heightM);
    const [cx, cy] = centroid(b);
    const cells = 1 << level;
    const x = Math.min(cells - 1, Math.floor(((cx - minX) / size) * cells));
    const y = Math.min(cells - 1, Math.floor(((cy - minY) / size) * cells));
    get(level, x, y).buildings.push(b);
  }
  return { root, extent: [minX, minY, size] };
}

function writeContent(node: Node, frame: LocalFrame, dem: DemGrid, dir: string, cityIndexOf: ReadonlyMap<BuildingRecord, number>): { uri: string; bounds: Bounds3; bytes: number } {
  const cityIndex = node.buildings.map((b) => cityIndexOf.get(b)!);
  const mesh = extrudeBuildings(node.buildings, frame, dem, cityIndex);
  const glb = new GlbBuilder();
  const position = glb.addAccessor(mesh.positions, 'VEC3', { target: GL.ARRAY_BUFFER, withBounds: true });
  const normal = glb.addAccessor(mesh.normals, 'VEC3', { target: GL.ARRAY_BUFFER });
  const featureId = glb.addAccessor(mesh.featureIds, 'SCALAR', { target: GL.ARRAY_BUFFER });
  const cityIndexAttr = glb.addAccessor(mesh.cityIndices, 'SCALAR', { target: GL.ARRAY_BUFFER });
  const indices = glb.addAccessor(mesh.indices, 'SCALAR', { target: GL.ELEMENT_ARRAY_BUFFER });
  const table = addPropertyTable(glb, BUILDING_SCHEMA, 'building', node.buildings.map((b, k) => ({
    id: b.id, index: cityIndex[k], height: b.heightM, floors: b.floors, use: b.use, population: b.population, addressId: b.addressId,
    address: b.address, addressPinyin: b.addressPinyin, districtId: b.districtId, streetId: b.streetId,
    communityId: b.communityId, gridId: b.gridId,
  })));
  glb.json.extensionsUsed.push('EXT_mesh_features');
  glb.json.materials = [{ name: 'building', pbrMetallicRoughness: { baseColorFactor: [0.86, 0.86, 0.84, 1], metallicFactor: 0, roughnessFactor: 0.85 } }];
  glb.json.meshes = [{ primitives: [{
    // _CITY_INDEX (application-specific) is each vertex's building index in the whole city, so a
    // view colours every building through one city-wide state texture. Not a second
    // EXT_mesh_features set: CesiumJS custom shaders fail on a set without a property table.
    attributes: { POSITION: position, NORMAL: normal, _FEATURE_ID_0: featureId, _CITY_INDEX: cityIndexAttr }, indices, material: 0, mode: 4,
    extensions: { EXT_mesh_features: { featureIds: [{ featureCount: node.buildings.length, attribute: 0, propertyTable: table }] } },
  }] }];
  glb.json.nodes = [{ mesh: 0 }];
  glb.json.scenes = [{ nodes: [0] }];
  glb.json.scene = 0;
  const uri = `b/${node.level}/${node.x}_${node.y}.glb`;
  const bytes = glb.toGlb();
  mkdirSync(join(dir, `b/${node.level}`), { recursive: true });
  writeFileSync(join(dir, uri), bytes);
  return { uri, bounds: mesh.boundsEnu, bytes: bytes.byteLength };
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
  const cityIndexOf = new Map(buildings.map((b, i) => [b, i]));
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
      const content = writeContent(node, frame, dem, dir, cityIndexOf);
      bounds = unionBounds(bounds, content.bounds);
      json.content = { uri: content.uri, boundingVolume: boxOf(content.bounds) };
      bytes += content.bytes;
      tiles++;
      ownMax = Math.max(...node.buildings.map((b) => b.heightM));
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
