import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemGrid } from '../../geo/DemGrid';
import type { LocalFrame } from '../../geo/LocalFrame';
import { GL, GlbBuilder } from '../gltf/GlbBuilder';
import { encodePngRgb } from '../gltf/encodePng';
import { paintMap, type MapLayers } from './MapPainter';
import { terrainMesh, terrainTileErrorM } from './terrainMesh';
import { boxOf, unionBounds, type Bounds3 } from './tilesetBox';

/** DEM cells along one side of a terrain tile at every level (tiles are (TILE_CELLS + 1)² vertices). */
export const TERRAIN_TILE_CELLS = 64;

export interface TileTerrainResult { tiles: number; levels: number; bytes: number }

/** Texture pixels along one side of every terrain tile (5 m a pixel at the demo city's finest level). */
export const TERRAIN_TEXTURE_PX = 256;

/** Default map: plain greens rising to browner hills, sampled from the DEM. */
export function elevationLayers(dem: DemGrid, minM: number, maxM: number): MapLayers {
  return {
    ground: (x, y) => {
      const t = Math.min(1, Math.max(0, (dem.sample(x, y) - minM) / Math.max(1, maxM - minM)));
      return [Math.round(120 + 60 * t), Math.round(140 - 10 * t), Math.round(90 + 10 * t)];
    },
    polygons: [], lines: [],
  };
}

/** Texture pixels along one side of a tile of a flat DEM: fewer, larger tiles carry the map. */
export const FLAT_TERRAIN_TEXTURE_PX = 512;
/** A flat DEM's quadtree stops where a texture pixel covers at most this many meters. */
export const FLAT_TERRAIN_TEXEL_M = 10;
/** Mesh nodes along a side of a flat tile, less one: enough to follow the ellipsoid within centimetres. */
const FLAT_TILE_STEPS = 8;

/** How deep the quadtree goes, how finely each level is meshed and textured, and what its error is. */
interface TerrainPlan {
  levels: number;
  texturePx: number;
  /** DEM nodes between mesh vertices at a level. */
  step(level: number): number;
  /** Geometric error (m) of a tile that has children. */
  errorM(level: number, measuredM: number): number;
}

/**
 * A hilly DEM: every level meshes TERRAIN_TILE_CELLS cells, refinement follows the measured vertical
 * error. A flat one (no DEM given): no vertical error to refine, so the tree only goes as deep as the
 * map texture needs (a pixel of FLAT_TERRAIN_TEXEL_M or less) and a tile's error is its pixel size.
 */
function terrainPlan(dem: DemGrid, levels: number): TerrainPlan {
  const cells = dem.width - 1;
  let min = Infinity, max = -Infinity;
  for (const h of dem.heightsM) { if (h < min) min = h; if (h > max) max = h; }
  if (max > min) {
    return { levels, texturePx: TERRAIN_TEXTURE_PX, step: (l) => (cells >> l) / TERRAIN_TILE_CELLS, errorM: (_, m) => m };
  }
  const sideM = cells * dem.cellSizeM, texelM = (l: number) => sideM / 2 ** l / FLAT_TERRAIN_TEXTURE_PX;
  let flatLevels = 0;
  while (flatLevels < levels && texelM(flatLevels) > FLAT_TERRAIN_TEXEL_M) flatLevels++;
  return {
    levels: flatLevels, texturePx: FLAT_TERRAIN_TEXTURE_PX, step: (l) => (cells >> l) / FLAT_TILE_STEPS,
    errorM: (l) => Math.round(texelM(l) * 1000) / 1000,
  };
}

/**
 * Tiles a DEM into a REPLACE quadtree of meshes (`dir/tileset.json`, `dir/t/<level>/<x>_<y>.glb`).
 * The DEM must have 2^k * TERRAIN_TILE_CELLS + 1 nodes per side; level L samples every 2^(k-L) nodes.
 * Geometric errors are measured against the full DEM, so refinement is driven by real vertical error;
 * a flat DEM gives a handful of tiles refined by texture resolution (see terrainPlan).
 */
export function tileTerrain(
  dem: DemGrid, frame: LocalFrame, dir: string, layers: MapLayers, onProgress?: (done: number, total: number) => void,
): TileTerrainResult {
  const cells = dem.width - 1;
  const demLevels = Math.log2(cells / TERRAIN_TILE_CELLS);
  if (dem.width !== dem.height || !Number.isInteger(demLevels) || demLevels < 0) {
    throw new Error(`tileTerrain: DEM must be square with 2^k*${TERRAIN_TILE_CELLS}+1 nodes per side, got ${dem.width}x${dem.height}`);
  }
  mkdirSync(dir, { recursive: true });
  const plan = terrainPlan(dem, demLevels);
  const { levels } = plan;
  const total = (4 ** (levels + 1) - 1) / 3;
  let done = 0, bytes = 0;
  const tile = (level: number, x: number, y: number): { json: Record<string, unknown>; bounds: Bounds3 } => {
    const span = cells >> level, step = plan.step(level);
    const errorM = terrainTileErrorM(dem, x * span, y * span, span, step);
    const skirtM = Math.max(5, 2 * errorM + 2);
    const mesh = terrainMesh(dem, frame, x * span, y * span, span, step, skirtM);
    const glb = new GlbBuilder();
    const attributes = {
      POSITION: glb.addAccessor(mesh.positions, 'VEC3', { target: GL.ARRAY_BUFFER, withBounds: true }),
      NORMAL: glb.addAccessor(mesh.normals, 'VEC3', { target: GL.ARRAY_BUFFER }),
      TEXCOORD_0: glb.addAccessor(mesh.uvs, 'VEC2', { target: GL.ARRAY_BUFFER }),
    };
    const indices = glb.addAccessor(mesh.indices, 'SCALAR', { target: GL.ELEMENT_ARRAY_BUFFER });
    const sizeM = span * dem.cellSizeM, px = plan.texturePx;
    const png = encodePngRgb(paintMap(layers, dem.xMinM + x * sizeM, dem.yMinM + y * sizeM, sizeM, px), px, px);
    glb.json.images = [{ bufferView: glb.addBufferView(png), mimeType: 'image/png' }];
    glb.json.samplers = [{ magFilter: 9729, minFilter: 9987, wrapS: 33071, wrapT: 33071 }];
    glb.json.textures = [{ sampler: 0, source: 0 }];
    glb.json.materials = [{
      name: 'terrain', doubleSided: true,
      pbrMetallicRoughness: { baseColorTexture: { index: 0 }, metallicFactor: 0, roughnessFactor: 1 },
    }];
    glb.json.meshes = [{ primitives: [{ attributes, indices, material: 0, mode: 4 }] }];
    glb.json.nodes = [{ mesh: 0 }];
    glb.json.scenes = [{ nodes: [0] }];
    glb.json.scene = 0;
    const uri = `t/${level}/${x}_${y}.glb`;
    const data = glb.toGlb();
    mkdirSync(join(dir, `t/${level}`), { recursive: true });
    writeFileSync(join(dir, uri), data);
    bytes += data.byteLength;
    onProgress?.(++done, total);
    const children = level < levels ? [[0, 0], [1, 0], [0, 1], [1, 1]].map(([dx, dy]) => tile(level + 1, 2 * x + dx, 2 * y + dy)) : [];
    // A parent must enclose its children: finer tiles reach peaks the coarse sampling cut off.
    const bounds = children.reduce((b, c) => unionBounds(b, c.bounds), mesh.boundsEnu);
    const json: Record<string, unknown> = {
      boundingVolume: boxOf(bounds),
      // Never below a child's error, so refinement stays monotone down the tree.
      geometricError: children.length === 0 ? Math.round(errorM * 1000) / 1000
        : Math.max(plan.errorM(level, Math.round(errorM * 1000) / 1000), ...children.map((c) => c.json.geometricError as number)),
      content: { uri, boundingVolume: boxOf(mesh.boundsEnu) },
    };
    if (children.length) json.children = children.map((c) => c.json);
    return { json, bounds };
  };
  const root = tile(0, 0, 0).json;
  const tileset = {
    asset: { version: '1.1', generator: 'rongcheng-twin pipeline' },
    // Not drawing the terrain at all leaves a hole as wide as the DEM: that is the tileset's error.
    geometricError: Math.round(Math.max(dem.xMaxM - dem.xMinM, dem.yMaxM - dem.yMinM) / 2),
    root: { boundingVolume: root.boundingVolume, transform: frame.enuToEcefMatrix(), geometricError: root.geometricError, refine: 'REPLACE', content: root.content, children: root.children },
  };
  const text = JSON.stringify(tileset, null, 1) + '\n';
  writeFileSync(join(dir, 'tileset.json'), text);
  return { tiles: done, levels: levels + 1, bytes: bytes + text.length };
}
