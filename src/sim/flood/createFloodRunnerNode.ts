import { nodeWorkerPort } from '../core/nodeWorkerPort';
import type { FloodGrid } from './FloodGrid';
import type { FloodParams } from './FloodParams';
import type { FloodRunner } from './FloodRunner';
import { FloodSolver } from './FloodSolver';
import { ParallelFloodSolver } from './ParallelFloodSolver';

/** URL of the node band-worker entry. */
export const FLOOD_BAND_NODE_ENTRY = new URL('./floodBand.node.ts', import.meta.url);

/**
 * Node only (CLI, bench, tests): a FloodSolver on this thread for workers = 1, else a
 * ParallelFloodSolver over that many worker_threads.
 */
export async function createFloodRunnerNode(grid: FloodGrid, params: Partial<FloodParams>, workers = 1, initialDepthM?: Float64Array): Promise<FloodRunner> {
  if (workers <= 1) return new FloodSolver(grid, params, initialDepthM);
  return ParallelFloodSolver.create(grid, params, { workers, spawn: () => nodeWorkerPort(FLOOD_BAND_NODE_ENTRY), initialDepthM });
}
