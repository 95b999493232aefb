import { createFloodRunnerNode } from '../../sim/flood/createFloodRunnerNode';
import { runFloodScenario } from '../../sim/flood/runFloodScenario';
import type { CityPackage } from '../../twin/package/CityPackage';
import type { FloodRoadDepths, FloodRoadFrame } from './FloodRoads';

/**
 * FloodRoadDepths on a city package, in node: the scenario of a runs/flood message run on one
 * thread (the solver gives the same bits as the workspace's band workers), its road samples taken
 * at `minDepthM` whatever threshold the scenario names (closures choose their own depth). It yields
 * to the event loop every 50 ms (advanceInSteps), so the hub keeps reading while it runs.
 */
export function floodRoadDepthsOf(pkg: CityPackage): FloodRoadDepths {
  return async (scenario, minDepthM, signal) => {
    const frames: FloodRoadFrame[] = [];
    const o = scenario as { thresholds?: object; solver?: object };
    await runFloodScenario({ ...scenario, thresholds: { ...o.thresholds, roadM: minDepthM }, solver: { ...o.solver, workers: 1 } }, {
      file: 'the flood run on runs/flood', signal, keepFrames: false,
      openCity: async () => pkg,
      createRunner: (grid, params) => createFloodRunnerNode(grid, params, 1),
      onFrame: (f) => frames.push({ timeS: f.timeS, points: f.impassable }),
    });
    return frames;
  };
}
