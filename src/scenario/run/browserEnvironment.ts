import { FloodSolver } from '../../sim/flood/FloodSolver';
import type { RunEnvironment } from './ModuleContext';

/**
 * Browser (inside a scenario Web Worker): the flood solver runs on the worker's own thread;
 * baseline and variants already run in parallel, one worker each.
 */
export const browserEnvironment: RunEnvironment = {
  createFloodRunner: async (grid, params) => new FloodSolver(grid, params),
};
