import { JsonReader } from '../core/JsonReader';
import type { BoundaryKind, FloodBoundaries } from './FloodParams';
import type { PlaneBBox } from './floodGridFromCity';

/** A river or pipe entering the grid along a line (plane meters) with a hydrograph. */
export interface ScenarioInflow {
  id: string;
  fromM: [number, number];
  toM: [number, number];
  timesS: number[];
  /** Discharge at each time (m³/s), linear in between. */
  m3PerS: number[];
}

/** A flood run on a city package, as written in a scenario file (see test/fixtures/sim/). */
export interface FloodScenario {
  kind: 'flood';
  name: string;
  /** The city package (a folder under tilesets/); default "demo". */
  city: string;
  /** The demo city's seed this scenario was written for: the package must have been built with it. */
  seed?: number;
  cellSizeM: number;
  bboxM?: PlaneBBox;
  durationS: number;
  outputIntervalS: number;
  /** Hyetograph: intensity (mm/h) from each time until the next. */
  rainfall: { timesS: number[]; mmPerHour: number[] };
  drainageMmPerHour: number;
  inflows: ScenarioInflow[];
  manningN: number;
  boundaries: FloodBoundaries;
  /** Depth (m) above which a cell counts as flooded area (0.05), a building as flooded (0.15), a road as impassable (0.3). */
  thresholds: { floodedAreaM: number; buildingM: number; roadM: number };
  solver: { cfl: number; theta: number; froudeMax: number; workers: number };
}

const KEYS = ['kind', 'name', 'city', 'seed', 'grid', 'durationS', 'outputIntervalS', 'rainfall', 'drainageMmPerHour', 'inflows', 'manningN', 'boundaries', 'thresholds', 'solver'];
const SIDES = ['west', 'east', 'south', 'north'] as const;

/** Validates parsed JSON as a FloodScenario; errors name `file`, the JSON path and what was expected. */
export function parseFloodScenario(json: unknown, file: string): FloodScenario {
  const r = new JsonReader(file);
  const o = r.object(json, '$', KEYS);
  r.string(o.kind, '$.kind', ['flood']);
  const grid = r.object(o.grid, '$.grid', ['cellSizeM', 'bboxM']);
  const durationS = r.number(o.durationS, '$.durationS', 1, 30 * 86400, 's');
  const rain = r.object(o.rainfall ?? { timesS: [0], mmPerHour: [0] }, '$.rainfall', ['timesS', 'mmPerHour']);
  const rainTimes = r.times(rain.timesS, '$.rainfall.timesS');
  const rainMm = r.numbers(rain.mmPerHour, '$.rainfall.mmPerHour', 0, rainTimes.length);
  const b = r.object(o.boundaries ?? {}, '$.boundaries', [...SIDES]);
  const th = r.object(o.thresholds ?? {}, '$.thresholds', ['floodedAreaM', 'buildingM', 'roadM']);
  const sv = r.object(o.solver ?? {}, '$.solver', ['cfl', 'theta', 'froudeMax', 'workers']);
  const inflows = o.inflows === undefined ? [] : Array.isArray(o.inflows) ? o.inflows : r.fail('$.inflows', 'an array', o.inflows);
  return {
    kind: 'flood',
    name: r.optional(o, 'name', (v) => r.string(v, '$.name'), 'flood'),
    city: r.optional(o, 'city', (v) => r.string(v, '$.city'), 'demo'),
    seed: r.optional(o, 'seed', (v) => r.integer(v, '$.seed', 0, 2 ** 32 - 1), undefined as number | undefined),
    cellSizeM: r.number(grid.cellSizeM, '$.grid.cellSizeM', 0.5, 1000, 'm'),
    bboxM: r.optional(grid, 'bboxM', (v) => bbox(r, v), undefined as PlaneBBox | undefined),
    durationS,
    outputIntervalS: r.optional(o, 'outputIntervalS', (v) => r.number(v, '$.outputIntervalS', 1, durationS, 's'), durationS),
    rainfall: { timesS: rainTimes, mmPerHour: rainMm },
    drainageMmPerHour: r.optional(o, 'drainageMmPerHour', (v) => r.number(v, '$.drainageMmPerHour', 0, 1000, 'mm/h'), 0),
    inflows: inflows.map((f, k) => inflow(r, f, `$.inflows[${k}]`)),
    manningN: r.optional(o, 'manningN', (v) => r.number(v, '$.manningN', 0, 0.5, 's/m^(1/3)'), 0.03),
    boundaries: Object.fromEntries(SIDES.map((s) => [s, r.optional(b, s, (v) => r.string(v, `$.boundaries.${s}`, ['open', 'closed']) as BoundaryKind, 'open')])) as unknown as FloodBoundaries,
    thresholds: {
      floodedAreaM: r.optional(th, 'floodedAreaM', (v) => r.number(v, '$.thresholds.floodedAreaM', 0, 10, 'm'), 0.05),
      buildingM: r.optional(th, 'buildingM', (v) => r.number(v, '$.thresholds.buildingM', 0, 10, 'm'), 0.15),
      roadM: r.optional(th, 'roadM', (v) => r.number(v, '$.thresholds.roadM', 0, 10, 'm'), 0.3),
    },
    solver: {
      cfl: r.optional(sv, 'cfl', (v) => r.number(v, '$.solver.cfl', 0.05, 1), 0.7),
      theta: r.optional(sv, 'theta', (v) => r.number(v, '$.solver.theta', 0.5, 1), 0.9),
      froudeMax: r.optional(sv, 'froudeMax', (v) => r.number(v, '$.solver.froudeMax', 0.1, 100), 1),
      workers: r.optional(sv, 'workers', (v) => r.integer(v, '$.solver.workers', 1, 64), 1),
    },
  };
}

function bbox(r: JsonReader, v: unknown): PlaneBBox {
  const b = r.numbers(v, '$.grid.bboxM', -Infinity, 4);
  if (!(b[2] > b[0] && b[3] > b[1])) r.fail('$.grid.bboxM', '[xMinM, yMinM, xMaxM, yMaxM] with xMax > xMin and yMax > yMin', v);
  return b as PlaneBBox;
}

function inflow(r: JsonReader, v: unknown, path: string): ScenarioInflow {
  const f = r.object(v, path, ['id', 'fromM', 'toM', 'timesS', 'm3PerS']);
  const timesS = r.times(f.timesS, `${path}.timesS`);
  return {
    id: r.string(f.id, `${path}.id`),
    fromM: r.numbers(f.fromM, `${path}.fromM`, -Infinity, 2) as [number, number],
    toM: r.numbers(f.toM, `${path}.toM`, -Infinity, 2) as [number, number],
    timesS,
    m3PerS: r.numbers(f.m3PerS, `${path}.m3PerS`, 0, timesS.length),
  };
}
