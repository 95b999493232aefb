import { rasterHeader, type RasterGrid } from '../core/RasterGrid';
import type { AbortLike, SimProgressCallback } from '../core/SimProgress';
import { floodedBuildings, type FloodedBuildings } from './floodedBuildings';
import type { FloodCitySetup } from './floodGridFromCity';
import { floodKpis, type FloodKpis } from './floodKpis';
import type { FloodRunner } from './FloodRunner';
import { impassableRoadPoints, type ImpassablePoint } from './impassableRoadPoints';
import type { FloodScenario } from './FloodScenario';

/** The state at one output time: what a view animates and a router takes as closures. */
export interface FloodFrame {
  /** Simulated time (s since the start). */
  timeS: number;
  /** Depth per cell (m), row 0 south, grid.width * grid.height values (walls are 0). */
  depthM: Float32Array;
  /** Buildings whose probes were ever deeper than the building threshold so far, their people (by community). */
  flooded: FloodedBuildings;
  /** Road samples deeper than the road threshold now: closures for the router. */
  impassable: ImpassablePoint[];
}

export interface FloodRunOptions {
  durationS: number;
  outputIntervalS: number;
  thresholds: FloodScenario['thresholds'];
  signal?: AbortLike;
  onProgress?: SimProgressCallback;
  /** Receives each frame as soon as it exists (e.g. to transfer it to the main thread). */
  onFrame?: (frame: FloodFrame) => void;
  /** Keep frames in the result (default true); false saves memory when only KPIs matter. */
  keepFrames?: boolean;
}

export interface FloodResult {
  /** Plane extent of every depth array: cell (i, j) spans xMinM + i * cellSizeM ... (see RasterGrid). */
  grid: RasterGrid;
  frames: FloodFrame[];
  /** Peak depth per cell over the run (m). */
  maxDepthM: Float32Array;
  /** Buildings flooded at any time (peak depth at their probes). */
  flooded: FloodedBuildings;
  /** Road samples impassable at any time (peak depth). */
  impassable: ImpassablePoint[];
  kpis: FloodKpis;
}

/** Output times: every interval up to the duration, the duration itself last. */
function outputTimes(durationS: number, intervalS: number): number[] {
  const t: number[] = [];
  for (let k = 1; k * intervalS < durationS - 1e-9; k++) t.push(k * intervalS);
  t.push(durationS);
  return t;
}

/** Runs a prepared flood to the end, with frames every output interval, then the KPIs. */
export async function runFlood(runner: FloodRunner, setup: FloodCitySetup, o: FloodRunOptions): Promise<FloodResult> {
  const frames: FloodFrame[] = [];
  const t0 = performance.now();
  const onStep = (timeS: number, steps: number) => o.onProgress?.({
    simTimeS: timeS, endTimeS: o.durationS, fraction: Math.min(1, timeS / o.durationS), steps, elapsedMs: performance.now() - t0,
  });
  for (const t of outputTimes(o.durationS, o.outputIntervalS)) {
    await runner.advance(t, { signal: o.signal, onStep });
    const depthM = runner.readDepth();
    const frame: FloodFrame = {
      timeS: runner.timeS, depthM, flooded: floodedBuildings(runner.readMaxDepth(), setup.buildings, o.thresholds.buildingM),
      impassable: impassableRoadPoints(depthM, setup.roads, o.thresholds.roadM),
    };
    o.onFrame?.(frame);
    if (o.keepFrames !== false) frames.push(frame);
  }
  const maxDepthM = runner.readMaxDepth();
  const flooded = floodedBuildings(maxDepthM, setup.buildings, o.thresholds.buildingM);
  const impassable = impassableRoadPoints(maxDepthM, setup.roads, o.thresholds.roadM);
  const kpis = floodKpis({
    grid: runner.grid, maxDepthM, balance: runner.massBalance(), flooded, impassable,
    thresholds: o.thresholds, simulatedS: runner.timeS, steps: runner.steps,
  });
  return { grid: rasterHeader(runner.grid), frames, maxDepthM, flooded, impassable, kpis };
}
