import { generateDemoCity } from '../../pipeline/demo-city/generateDemoCity';
import { cellsAlongLine } from '../core/cellsAlongLine';
import { floodGridFromCity, type FloodCitySetup } from './floodGridFromCity';
import { floodParams, type FloodParams } from './FloodParams';
import type { FloodScenario } from './FloodScenario';

/** A validated scenario turned into what the solver takes. */
export interface PreparedFlood {
  setup: FloodCitySetup;
  params: FloodParams;
}

/**
 * Generates the demo city of the scenario's seed, builds its flood grid and the solver parameters
 * (inflow lines become the open cells they cross). Throws naming `file` and the inflow when a line
 * misses the grid's open cells.
 */
export function prepareFloodScenario(s: FloodScenario, file = 'scenario'): PreparedFlood {
  const city = s.seed === undefined ? generateDemoCity() : generateDemoCity(s.seed);
  const setup = floodGridFromCity(city, { cellSizeM: s.cellSizeM, bboxM: s.bboxM });
  const g = setup.grid;
  const inflows = s.inflows.map((f, k) => {
    const cells = cellsAlongLine(g, f.fromM, f.toM, (c) => g.wall[c] === 1);
    if (cells.length === 0) throw new Error(`${file}: $.inflows[${k}] (${f.id}): the line from ${JSON.stringify(f.fromM)} to ${JSON.stringify(f.toM)} crosses no open cell of the grid`);
    return { id: f.id, cells, dischargeM3PerS: { timesS: f.timesS, values: f.m3PerS, mode: 'linear' as const } };
  });
  const params = floodParams({
    manningN: s.manningN,
    rainfallMmPerH: { timesS: s.rainfall.timesS, values: s.rainfall.mmPerHour, mode: 'step' },
    drainageMmPerH: s.drainageMmPerHour,
    inflows,
    boundaries: s.boundaries,
    cfl: s.solver.cfl,
    theta: s.solver.theta,
    froudeMax: s.solver.froudeMax,
  });
  return { setup, params };
}
