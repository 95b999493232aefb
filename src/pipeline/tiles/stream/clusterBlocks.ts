import type { BuildingRecord } from '../../../twin/BuildingRecord';
import { BUILDING_USES } from '../../../twin/BuildingUse';
import type { BuildingStats } from './BuildingStats';
import type { TileNode } from './planTileTree';

/** One feature of a coarse tile: a box standing for a tower, or for the other buildings of a cell. */
export interface Block {
  /** Footprint ring (plane m, counter-clockwise, not closed). */
  footprint: Array<[number, number]>;
  heightM: number;
  /** Metadata row: the building's (or the block's tallest building's) id and units, the block's totals. */
  row: Record<string, string | number>;
}

/** A cell's tallest building stands alone when this many times as tall as the rest's mean height, and this tall (m). */
const TOWER_RATIO = 2, TOWER_MIN_HEIGHT_M = 30;
const USES = BUILDING_USES.length;

/** Running totals of the buildings merged into one block. */
class Merge {
  x0 = Infinity; y0 = Infinity; x1 = -Infinity; y1 = -Infinity;
  area = 0; volume = 0; people = 0; count = 0; tallest = -1;
  readonly useVolume = new Float64Array(USES);

  add(i: number, s: BuildingStats): void {
    const a = s.areaM2[i], h = s.heightM[i];
    this.x0 = Math.min(this.x0, s.box[4 * i]); this.y0 = Math.min(this.y0, s.box[4 * i + 1]);
    this.x1 = Math.max(this.x1, s.box[4 * i + 2]); this.y1 = Math.max(this.y1, s.box[4 * i + 3]);
    this.area += a; this.volume += a * h; this.people += s.population[i]; this.count++;
    this.useVolume[s.useCode[i]] += a * h;
    if (this.tallest < 0 || h > s.heightM[this.tallest]) this.tallest = i;
  }

  meanHeightM(s: BuildingStats): number {
    return this.area > 0 ? this.volume / this.area : s.heightM[this.tallest];
  }

  /**
   * The block: the merged box shrunk about its centre to the buildings' footprint area, at their
   * area-weighted mean height (so it keeps their built volume and leaves the streets open).
   */
  toBlock(s: BuildingStats, buildings: ReadonlyArray<BuildingRecord>): Block {
    const shrink = Math.sqrt(Math.min(1, this.area / Math.max(1e-6, (this.x1 - this.x0) * (this.y1 - this.y0))));
    const mx = (this.x0 + this.x1) / 2, my = (this.y0 + this.y1) / 2;
    const hx = ((this.x1 - this.x0) / 2) * shrink, hy = ((this.y1 - this.y0) / 2) * shrink;
    const heightM = this.meanHeightM(s);
    let use = 0;
    for (let u = 1; u < USES; u++) if (this.useVolume[u] > this.useVolume[use]) use = u;
    const rep = buildings[this.tallest];
    return {
      footprint: [[mx - hx, my - hy], [mx + hx, my - hy], [mx + hx, my + hy], [mx - hx, my + hy]],
      heightM,
      row: {
        id: rep.id, index: this.tallest, buildingCount: this.count, height: Math.round(heightM * 100) / 100,
        floors: Math.max(1, Math.round(heightM / 3.3)), use: BUILDING_USES[use], population: Math.round(this.people),
        districtId: rep.districtId, streetId: rep.streetId, communityId: rep.communityId, gridId: rep.gridId,
      },
    };
  }
}

/** A coarse tile shows at most this share of the features below it, as each level of a pyramid should. */
const MAX_SHARE_OF_BUILDINGS = 1 / 4;

/**
 * The coarse view of a node on the finest block grid, at most `maxGrid` cells a side, whose features
 * number at most MAX_SHARE_OF_BUILDINGS of the node's buildings (a third fewer cells a side until
 * so), but never coarser than `maxCellM` (its parent's cell: errors must not grow down the tree).
 */
export function clusterBlocks(
  node: TileNode, stats: BuildingStats, buildings: ReadonlyArray<BuildingRecord>, maxGrid: number, maxCellM = Infinity,
): { blocks: Block[]; cellM: number } {
  const budget = Math.max(1, Math.floor(node.buildings.length * MAX_SHARE_OF_BUILDINGS));
  const minGrid = Math.min(maxGrid, Math.max(1, Math.ceil(node.sizeM / maxCellM - 1e-9)));
  let grid = maxGrid;
  let view = clusterOnGrid(node, stats, buildings, grid);
  while (view.blocks.length > budget && grid > minGrid) {
    grid = Math.max(minGrid, Math.floor(grid / 1.5));
    view = clusterOnGrid(node, stats, buildings, grid);
  }
  return view;
}

/**
 * The coarse view of a node: its buildings binned by centroid into a `grid` x `grid` lattice over
 * the node's square. In each non-empty cell the tallest building stands as its own box when it
 * towers over the rest (TOWER_RATIO, TOWER_MIN_HEIGHT_M), and the rest merge into one block (see Merge.toBlock), so a
 * far view keeps both the skyline and the mass of the city. Every feature names a building (the
 * tower, or the block's tallest: colouring by building id reaches it) and carries its block's
 * totals. Returns the features (at most 2 grid² of them) and the cell size (m).
 */
function clusterOnGrid(node: TileNode, stats: BuildingStats, buildings: ReadonlyArray<BuildingRecord>, grid: number): { blocks: Block[]; cellM: number } {
  const cellM = node.sizeM / grid;
  const cellOf = new Uint32Array(node.buildings.length), tallest = new Int32Array(grid * grid).fill(-1);
  node.buildings.forEach((i, k) => {
    const ci = Math.min(grid - 1, Math.max(0, Math.floor((stats.cx[i] - node.x0M) / cellM)));
    const cj = Math.min(grid - 1, Math.max(0, Math.floor((stats.cy[i] - node.y0M) / cellM)));
    const c = (cellOf[k] = cj * grid + ci);
    if (tallest[c] < 0 || stats.heightM[i] > stats.heightM[tallest[c]]) tallest[c] = i;
  });
  const rest = new Map<number, Merge>();
  node.buildings.forEach((i, k) => {
    if (i === tallest[cellOf[k]]) return;
    let m = rest.get(cellOf[k]);
    if (!m) rest.set(cellOf[k], (m = new Merge()));
    m.add(i, stats);
  });
  const blocks: Block[] = [];
  for (let c = 0; c < grid * grid; c++) {
    const top = tallest[c];
    if (top < 0) continue;
    const m = rest.get(c);
    if (m && (stats.heightM[top] < TOWER_RATIO * m.meanHeightM(stats) || stats.heightM[top] < TOWER_MIN_HEIGHT_M)) { m.add(top, stats); blocks.push(m.toBlock(stats, buildings)); continue; }
    const alone = new Merge();
    alone.add(top, stats);
    blocks.push(alone.toBlock(stats, buildings));
    if (m) blocks.push(m.toBlock(stats, buildings));
  }
  return { blocks, cellM };
}
