import type { BuildingCells, UnitLevel } from './BuildingCells';

/** Buildings reached by water and the people in them. */
export interface FloodedBuildings {
  /** Indices (into BuildingCells.ids) of buildings whose probe depth exceeds the threshold, ascending. */
  indices: Int32Array;
  /** Deepest water at each flooded building's probes (m), parallel to indices. */
  depthM: Float32Array;
  /** People in flooded buildings. */
  people: number;
  /** People in flooded buildings per unit id of the chosen level (only units with people affected). */
  peopleByUnit: Record<string, number>;
}

/**
 * Flags a building when the water at any of its probe cells (the open cells touching its walls)
 * is deeper than thresholdM: pass the max-depth grid for "ever flooded", a frame's depth for "now".
 * @param thresholdM default 0.15 m, about a doorstep.
 */
export function floodedBuildings(depthM: Float32Array, cells: BuildingCells, thresholdM = 0.15, level: UnitLevel = 'community'): FloodedBuildings {
  const idx: number[] = [], deep: number[] = [], byUnit: Record<string, number> = {};
  const units = cells.unitIds[level];
  let people = 0;
  for (let b = 0; b < cells.ids.length; b++) {
    let m = 0;
    for (let p = cells.probeStart[b]; p < cells.probeStart[b + 1]; p++) if (depthM[cells.probeCells[p]] > m) m = depthM[cells.probeCells[p]];
    if (m <= thresholdM) continue;
    idx.push(b);
    deep.push(m);
    people += cells.population[b];
    byUnit[units[b]] = (byUnit[units[b]] ?? 0) + cells.population[b];
  }
  return { indices: Int32Array.from(idx), depthM: Float32Array.from(deep), people, peopleByUnit: byUnit };
}
