import { FloodSolver } from '../../sim/flood/FloodSolver';
import { fetchCityPackage } from '../../twin/package/fetchCityPackage';
import type { RunEnvironment } from './ModuleContext';

/**
 * Browser (inside a scenario Web Worker): cities fetched from the app's /tilesets/; the flood
 * solver runs on the worker's own thread; baseline and variants already run in parallel, one worker each.
 */
export const browserEnvironment: RunEnvironment = {
  openCity: (name) => fetchCityPackage(name),
  createFloodRunner: async (grid, params) => new FloodSolver(grid, params),
};
