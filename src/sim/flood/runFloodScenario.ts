import type { CityPackage } from '../../twin/package/CityPackage';
import { cachedCityModel } from '../../twin/package/CityModel';
import { rasterHeader, type RasterGrid } from '../core/RasterGrid';
import type { AbortLike, SimProgressCallback } from '../core/SimProgress';
import type { FloodGrid } from './FloodGrid';
import type { FloodParams } from './FloodParams';
import type { FloodRunner } from './FloodRunner';
import { parseFloodScenario, type FloodScenario } from './FloodScenario';
import { prepareFloodScenario } from './prepareFloodScenario';
import { runFlood, type FloodFrame, type FloodResult } from './runFlood';

/** The terrain a view needs once, before the frames: water surface = bedM + depthM, walls stay dry. */
export interface FloodSetupInfo {
  /** Plane extent of every depth array (cell-registered, row 0 south; see RasterGrid). */
  grid: RasterGrid;
  /** Bed elevation per cell (m, the DEM's datum). */
  bedM: Float32Array;
  /** 1 on building cells. */
  wall: Uint8Array;
}

export interface FloodScenarioRunOptions {
  /** Names the scenario in errors (default "scenario"). */
  file?: string;
  signal?: AbortLike;
  onProgress?: SimProgressCallback;
  onSetup?: (info: FloodSetupInfo) => void;
  onFrame?: (frame: FloodFrame) => void;
  /** Keep frames in the result (default true). */
  keepFrames?: boolean;
  /** Opens the scenario's city package (node: openCityPackage; browser: fetchCityPackage). */
  openCity: (name: string) => Promise<CityPackage>;
  /** Makes the solver: FloodSolver, or a ParallelFloodSolver with the platform's workers. */
  createRunner: (grid: FloodGrid, params: FloodParams, scenario: FloodScenario) => Promise<FloodRunner>;
}

/** A finished scenario run: the validated scenario, the wall-clock split, and the flood result. */
export interface FloodScenarioResult extends FloodResult {
  scenario: FloodScenario;
  setupS: number;
  runS: number;
}

/**
 * Validates parsed scenario JSON, opens its city package and builds the flood grid, runs it to the end with frames
 * and KPIs, and disposes the solver. The one path the CLI and the sim worker share.
 */
export async function runFloodScenario(json: unknown, o: FloodScenarioRunOptions): Promise<FloodScenarioResult> {
  const t0 = performance.now();
  const scenario = parseFloodScenario(json, o.file ?? 'scenario');
  const pkg = await o.openCity(scenario.city);
  const city = await cachedCityModel(pkg);
  const { setup, params } = prepareFloodScenario(scenario, { ...city, seed: pkg.manifest.seed }, o.file);
  o.onSetup?.({ grid: rasterHeader(setup.grid), bedM: setup.grid.bedM.slice(), wall: setup.grid.wall.slice() });
  const runner = await o.createRunner(setup.grid, params, scenario);
  try {
    const t1 = performance.now();
    const result = await runFlood(runner, setup, {
      durationS: scenario.durationS, outputIntervalS: scenario.outputIntervalS, thresholds: scenario.thresholds,
      signal: o.signal, onProgress: o.onProgress, onFrame: o.onFrame, keepFrames: o.keepFrames,
    });
    return { ...result, scenario, setupS: (t1 - t0) / 1000, runS: (performance.now() - t1) / 1000 };
  } finally {
    runner.dispose();
  }
}
