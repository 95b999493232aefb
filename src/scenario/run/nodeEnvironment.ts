import { openCityPackage } from '../../pipeline/package/openCityPackage';
import { createFloodRunnerNode } from '../../sim/flood/createFloodRunnerNode';
import type { RunEnvironment } from './ModuleContext';

/** Node (CLI, tests, bench): cities from tilesets/ on disk; flood bands over worker_threads when a scenario asks for workers. */
export const nodeEnvironment: RunEnvironment = {
  openCity: (name) => openCityPackage(name),
  createFloodRunner: (grid, params, workers) => createFloodRunnerNode(grid, params, workers),
};
