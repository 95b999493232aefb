import type { RasterGrid } from '../core/RasterGrid';
import type { FloodedBuildings } from './floodedBuildings';
import type { FloodMassBalance } from './FloodMassBalance';
import type { ImpassablePoint } from './impassableRoadPoints';

/** Headline figures of a flood run (what the CLI prints and scenarios compare). */
export interface FloodKpis {
  simulatedS: number;
  steps: number;
  cells: number;
  cellSizeM: number;
  /** Rain + inflow (m³). */
  volumeInM3: number;
  rainM3: number;
  inflowM3: number;
  /** Drainage + outflow through open sides (m³). */
  volumeOutM3: number;
  drainageM3: number;
  outflowM3: number;
  /** Water on the grid at the end (m³). */
  storedM3: number;
  /** Deepest water anywhere during the run (m). */
  maxDepthM: number;
  /** Area whose peak depth exceeded the flooded-area threshold (m²). */
  floodedAreaM2: number;
  floodedAreaThresholdM: number;
  buildingsFlooded: number;
  buildingThresholdM: number;
  peopleAffected: number;
  /** Road samples (one per cell along centrelines) whose peak depth exceeded the road threshold, and their roads. */
  impassableRoadPoints: number;
  roadsWithImpassableStretch: number;
  roadThresholdM: number;
  /** Relative mass-balance error |stored - (initial + in - out)| / (initial + in). */
  massBalanceError: number;
  massBalanceErrorM3: number;
}

export interface KpiInputs {
  grid: RasterGrid;
  maxDepthM: Float32Array;
  balance: FloodMassBalance;
  flooded: FloodedBuildings;
  impassable: ImpassablePoint[];
  thresholds: { floodedAreaM: number; buildingM: number; roadM: number };
  simulatedS: number;
  steps: number;
}

/** Computes the KPIs from the end state of a run (peak depths for area, buildings and roads). */
export function floodKpis(x: KpiInputs): FloodKpis {
  const a = x.grid.cellSizeM ** 2, b = x.balance;
  let maxDepthM = 0, wet = 0;
  for (const d of x.maxDepthM) {
    if (d > maxDepthM) maxDepthM = d;
    if (d > x.thresholds.floodedAreaM) wet++;
  }
  return {
    simulatedS: x.simulatedS, steps: x.steps, cells: x.grid.width * x.grid.height, cellSizeM: x.grid.cellSizeM,
    volumeInM3: b.rainM3 + b.inflowM3, rainM3: b.rainM3, inflowM3: b.inflowM3,
    volumeOutM3: b.drainageM3 + b.outflowM3, drainageM3: b.drainageM3, outflowM3: b.outflowM3, storedM3: b.storedM3,
    maxDepthM, floodedAreaM2: wet * a, floodedAreaThresholdM: x.thresholds.floodedAreaM,
    buildingsFlooded: x.flooded.indices.length, buildingThresholdM: x.thresholds.buildingM, peopleAffected: x.flooded.people,
    impassableRoadPoints: x.impassable.length, roadsWithImpassableStretch: new Set(x.impassable.map((p) => p.roadId)).size,
    roadThresholdM: x.thresholds.roadM,
    massBalanceError: b.relativeError, massBalanceErrorM3: b.errorM3,
  };
}
