import { createFloodRunnerNode } from '../../sim/flood/createFloodRunnerNode';
import type { RunEnvironment } from './ModuleContext';

/** Node (CLI, tests, bench): flood bands over worker_threads when a scenario asks for workers. */
export const nodeEnvironment: RunEnvironment = {
  createFloodRunner: (grid, params, workers) => createFloodRunnerNode(grid, params, workers),
};
