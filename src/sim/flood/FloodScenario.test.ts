import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFloodScenario } from './FloodScenario';
import { demoPackage } from '../../../test/support/demoPackage';
import { loadCityModel } from '../../twin/package/CityModel';
import { prepareFloodScenario } from './prepareFloodScenario';

const FIXTURE = 'test/fixtures/sim/flood-rainstorm-1h.json';
const pkg = await demoPackage();
const city = { ...(await loadCityModel(pkg)), seed: pkg.manifest.seed };

describe('parseFloodScenario', () => {
  it('reads the 1-hour rainstorm fixture and prepares its grid and river inflow', () => {
    const s = parseFloodScenario(JSON.parse(readFileSync(FIXTURE, 'utf8')), FIXTURE);
    expect(s.durationS).toBe(3600);
    expect(s.rainfall.mmPerHour).toHaveLength(6);
    const { setup, params } = prepareFloodScenario(s, city, FIXTURE);
    expect([setup.grid.width, setup.grid.height]).toEqual([200, 200]);
    const cells = params.inflows[0].cells;
    expect(cells.length).toBeGreaterThan(10);
    // The inflow line crosses the Jinjiang channel: its lowest cell lies metres below the line's ends.
    const beds = cells.map((k) => setup.grid.bedM[k]);
    expect(Math.max(...beds) - Math.min(...beds)).toBeGreaterThan(4);
    expect(params.rainfallMmPerH.mode).toBe('step');
  });

  it('fills defaults (open sides, 0.03 roughness, thresholds 0.05 / 0.15 / 0.3 m, theta 0.9, one worker)', () => {
    const s = parseFloodScenario({ kind: 'flood', grid: { cellSizeM: 10 }, durationS: 60 }, 'x.json');
    expect(s.boundaries).toEqual({ west: 'open', east: 'open', south: 'open', north: 'open' });
    expect(s.manningN).toBe(0.03);
    expect(s.thresholds).toEqual({ floodedAreaM: 0.05, buildingM: 0.15, roadM: 0.3 });
    expect(s.solver).toEqual({ cfl: 0.7, theta: 0.9, froudeMax: 1, workers: 1 });
    expect(s.outputIntervalS).toBe(60);
  });

  it('names the file and JSON path of every mistake', () => {
    const base = { kind: 'flood', grid: { cellSizeM: 5 }, durationS: 600 };
    const cases: Array<[unknown, RegExp]> = [
      [{ ...base, kind: 'plume' }, /x\.json: \$\.kind: expected one of "flood", got "plume"/],
      [{ ...base, grid: { cellSizeM: 5, bboxM: [0, 0, 10] } }, /\$\.grid\.bboxM: expected an array of 4 numbers/],
      [{ ...base, grid: { cellSizeM: 5, bboxM: [10, 0, 0, 10] } }, /\$\.grid\.bboxM: expected \[xMinM, yMinM, xMaxM, yMaxM\]/],
      [{ ...base, inflows: [{ id: 'r', fromM: [0, 0], toM: [1, 1], timesS: [0], m3PerS: [-1] }] }, /\$\.inflows\[0\]\.m3PerS\[0\]: expected a number >= 0/],
      [{ ...base, boundaries: { east: 'leaky' } }, /\$\.boundaries\.east: expected one of "open", "closed"/],
      [{ ...base, solver: { workers: 0 } }, /\$\.solver\.workers: expected an integer in \[1, 64\]/],
      [{ ...base, outputIntervalS: 900 }, /\$\.outputIntervalS: expected a number in \[1, 600\] s, got 900/],
      [[1, 2], /x\.json: \$: expected an object/],
    ];
    for (const [json, re] of cases) expect(() => parseFloodScenario(json, 'x.json')).toThrow(re);
  });

  it('refuses an inflow line that misses the grid', () => {
    const s = parseFloodScenario({
      kind: 'flood', grid: { cellSizeM: 10, bboxM: [0, 0, 200, 200] }, durationS: 60,
      inflows: [{ id: 'far', fromM: [5000, 5000], toM: [5100, 5000], timesS: [0], m3PerS: [1] }],
    }, 'x.json');
    expect(() => prepareFloodScenario(s, city, 'x.json')).toThrow(/x\.json: \$\.inflows\[0\] \(far\): the line .* crosses no open cell/);
  });
});
