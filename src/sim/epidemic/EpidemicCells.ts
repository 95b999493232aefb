import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { PlaneUnit } from '../../twin/PlaneUnit';

/**
 * The patches of the epidemic model: one per grid-level spatial unit, with its people (sum of its
 * buildings' population), its jobs (the people of its non-residential buildings, which draw
 * commuters) and its community (the unit interventions close). Arrays are indexed by cell.
 */
export interface EpidemicCells {
  count: number;
  cellIds: string[];
  communityIds: string[];
  /** Cell centre, plane meters. */
  xM: Float64Array;
  yM: Float64Array;
  /** People living/normally present per cell (integer counts). */
  population: Float64Array;
  /** People of non-residential buildings per cell: the commuting attraction. */
  jobs: Float64Array;
}

/** Builds the cells from a city's grid units and buildings (buildings name their gridId). */
export function epidemicCellsFromCity(
  units: ReadonlyArray<Pick<PlaneUnit, 'id' | 'level' | 'parentId' | 'rings'>>,
  buildings: ReadonlyArray<Pick<BuildingRecord, 'gridId' | 'population' | 'use'>>,
): EpidemicCells {
  const grid = units.filter((u) => u.level === 'grid');
  if (grid.length === 0) throw new Error('epidemicCellsFromCity: units contain no level "grid" unit');
  const index = new Map(grid.map((u, k) => [u.id, k]));
  const n = grid.length, xM = new Float64Array(n), yM = new Float64Array(n), population = new Float64Array(n), jobs = new Float64Array(n);
  grid.forEach((u, k) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [x, y] of u.rings[0]) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
    xM[k] = (x0 + x1) / 2; yM[k] = (y0 + y1) / 2;
  });
  buildings.forEach((b, i) => {
    const k = index.get(b.gridId);
    if (k === undefined) throw new Error(`epidemicCellsFromCity: buildings[${i}].gridId "${b.gridId}" names no grid unit`);
    population[k] += b.population;
    if (b.use !== 'residential') jobs[k] += b.population;
  });
  return {
    count: n, cellIds: grid.map((u) => u.id), communityIds: grid.map((u) => u.parentId ?? u.id), xM, yM, population, jobs,
  };
}
