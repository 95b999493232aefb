import { cellsAlongLine } from '../core/cellsAlongLine';
import { floodGridFromCity, type FloodCitySetup, type FloodCitySource } from './floodGridFromCity';
import { floodParams, type FloodParams } from './FloodParams';
import type { FloodScenario } from './FloodScenario';

/** A validated scenario turned into what the solver takes. */
export interface PreparedFlood {
  setup: FloodCitySetup;
  params: FloodParams;
}

/**
 * Builds the flood grid of the scenario's city (its package's model, read by the caller) and the
 * solver parameters (inflow lines become the open cells they cross). Throws naming `file` when the
 * package is another city or seed than the scenario's, or an inflow misses the grid's open cells.
 */
export function prepareFloodScenario(s: FloodScenario, city: FloodCitySource & { name: string; seed?: number }, file = 'scenario'): PreparedFlood {
  if (city.name !== s.city) throw new Error(`${file}: $.city: the scenario is for city "${s.city}", the grid was asked of "${city.name}"`);
  if (s.seed !== undefined && city.seed !== s.seed) {
    throw new Error(`${file}: $.seed: the scenario was written for the demo city of seed ${s.seed}, tilesets/${city.name} has seed ${city.seed ?? 'none'} (rebuild it: npm run -s cli -- tiles --city demo --seed ${s.seed} --out tilesets/demo)`);
  }
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
