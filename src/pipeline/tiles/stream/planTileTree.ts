import type { BuildingStats } from './BuildingStats';

/** Caps every building tile honours, and the size leaves aim for. */
export interface TileLimits {
  /** Most bytes of one tile's glb (hard cap: the tiler refuses to write more). */
  maxTileBytes: number;
  /** Most features (buildings, or merged blocks) in one tile (hard cap). */
  maxTileFeatures: number;
  /** A tile whose buildings would take more than this (estimated) splits into four. */
  leafTargetBytes: number;
  /** Cells along a side of a coarse tile's block grid: at most this squared blocks a tile. */
  blockGrid: number;
}

export const DEFAULT_TILE_LIMITS: TileLimits = {
  maxTileBytes: 2_000_000, maxTileFeatures: 5000, leafTargetBytes: 512 * 1024, blockGrid: 24,
};

/** A node of the building quadtree: a square of the plane and the buildings whose centroid is in it. */
export interface TileNode {
  level: number; x: number; y: number;
  /** South-west corner and side of the node's square (plane m). */
  x0M: number; y0M: number; sizeM: number;
  /** Indices (into the city's building list) of every building below this node. */
  buildings: Uint32Array;
  children: TileNode[];
}

/** Deeper than this a square is under a meter wide: its buildings stay together whatever they weigh. */
const MAX_LEVEL = 24;

/**
 * Plans the building quadtree: a node whose buildings would exceed the leaf target (bytes or
 * features) splits into the four quadrants of its square, by building centroid; empty quadrants
 * are dropped. The root square covers every footprint. Leaves hold the buildings; inner nodes
 * carry a merged-block view of all their buildings (see clusterBlocks).
 */
export function planTileTree(stats: BuildingStats, limits: TileLimits): TileNode {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < stats.count; i++) {
    x0 = Math.min(x0, stats.box[4 * i]); y0 = Math.min(y0, stats.box[4 * i + 1]);
    x1 = Math.max(x1, stats.box[4 * i + 2]); y1 = Math.max(y1, stats.box[4 * i + 3]);
  }
  const sizeM = Math.max(x1 - x0, y1 - y0) * 1.0001 + 1;
  const all = new Uint32Array(stats.count);
  for (let i = 0; i < all.length; i++) all[i] = i;
  const split = (node: TileNode): TileNode => {
    let bytes = 0;
    for (const i of node.buildings) bytes += stats.bytes[i];
    const fits = node.buildings.length <= limits.maxTileFeatures && bytes <= limits.leafTargetBytes;
    if (fits || node.level >= MAX_LEVEL) return node;
    const half = node.sizeM / 2, xm = node.x0M + half, ym = node.y0M + half;
    const quadrant = new Uint8Array(node.buildings.length), counts = [0, 0, 0, 0];
    node.buildings.forEach((i, k) => { quadrant[k] = (stats.cx[i] >= xm ? 1 : 0) + (stats.cy[i] >= ym ? 2 : 0); counts[quadrant[k]]++; });
    for (let q = 0; q < 4; q++) {
      if (counts[q] === 0) continue;
      const list = new Uint32Array(counts[q]);
      let n = 0;
      node.buildings.forEach((i, k) => { if (quadrant[k] === q) list[n++] = i; });
      node.children.push(split({
        level: node.level + 1, x: 2 * node.x + (q & 1), y: 2 * node.y + (q >> 1),
        x0M: node.x0M + (q & 1) * half, y0M: node.y0M + (q >> 1) * half, sizeM: half, buildings: list, children: [],
      }));
    }
    return node;
  };
  return split({ level: 0, x: 0, y: 0, x0M: x0, y0M: y0, sizeM, buildings: all, children: [] });
}

/** Every node of the tree, parents before children. */
export function treeNodes(root: TileNode): TileNode[] {
  const out: TileNode[] = [];
  const walk = (n: TileNode) => { out.push(n); n.children.forEach(walk); };
  walk(root);
  return out;
}
