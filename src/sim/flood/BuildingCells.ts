import type { BuildingRecord } from '../../twin/BuildingRecord';
import { cellIndexAt, type RasterGrid } from '../core/RasterGrid';
import { rasterizePolygon } from '../core/rasterizePolygon';

/** The spatial-unit levels people can be counted by. */
export type UnitLevel = 'grid' | 'community' | 'street' | 'district';

/**
 * Buildings as the flood grid sees them: which cells are walls, and which open cells around each
 * building tell whether water reached it. Plain arrays, so the set crosses to workers as is.
 */
export interface BuildingCells {
  /** Building ids, index = building index. */
  ids: string[];
  /** People normally in each building. */
  population: Float64Array;
  /** Unit ids of each building, by level. */
  unitIds: Record<UnitLevel, string[]>;
  /** Wall owner per grid cell: building index, or -1. */
  owner: Int32Array;
  /** Probe cells (CSR): building b's are probeCells[probeStart[b] .. probeStart[b + 1]). */
  probeStart: Int32Array;
  probeCells: Int32Array;
}

/**
 * Rasterises footprints (cells whose centre is inside) as walls and finds each building's probe
 * cells: the open cells touching its walls (edge neighbours). A building too small to own a cell
 * is no obstacle at this resolution; its probe is the open cell under its vertex mean.
 */
export function buildingCells(grid: RasterGrid, buildings: BuildingRecord[]): BuildingCells {
  const W = grid.width, H = grid.height, owner = new Int32Array(W * H).fill(-1);
  buildings.forEach((b, idx) => rasterizePolygon(grid, b.footprint, (k) => { owner[k] = idx; }));
  const lists: number[][] = buildings.map(() => []);
  const lastSeen = new Int32Array(buildings.length).fill(-1);
  for (let j = 0; j < H; j++) {
    for (let i = 0; i < W; i++) {
      const k = j * W + i;
      if (owner[k] >= 0) continue;
      const add = (n: number) => { const o = owner[n]; if (o >= 0 && lastSeen[o] !== k) { lastSeen[o] = k; lists[o].push(k); } };
      if (i > 0) add(k - 1);
      if (i + 1 < W) add(k + 1);
      if (j > 0) add(k - W);
      if (j + 1 < H) add(k + W);
    }
  }
  buildings.forEach((b, idx) => {
    if (lists[idx].length > 0) return;
    let cx = 0, cy = 0;
    for (const [x, y] of b.footprint) { cx += x; cy += y; }
    const k = cellIndexAt(grid, cx / b.footprint.length, cy / b.footprint.length);
    if (k >= 0 && owner[k] < 0) lists[idx].push(k);
  });
  const probeStart = new Int32Array(buildings.length + 1);
  lists.forEach((l, idx) => { probeStart[idx + 1] = probeStart[idx] + l.length; });
  const probeCells = new Int32Array(probeStart[buildings.length]);
  lists.forEach((l, idx) => probeCells.set(l, probeStart[idx]));
  return {
    ids: buildings.map((b) => b.id),
    population: Float64Array.from(buildings, (b) => b.population),
    unitIds: {
      grid: buildings.map((b) => b.gridId), community: buildings.map((b) => b.communityId),
      street: buildings.map((b) => b.streetId), district: buildings.map((b) => b.districtId),
    },
    owner, probeStart, probeCells,
  };
}
