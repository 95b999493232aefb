import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAsciiGrid } from '../core/readAsciiGrid';
import { FloodSolver } from './FloodSolver';
import { syntheticGrid } from './syntheticGrid';
import { referenceData } from '../../../test/referenceData';

/** The MacDonald long-channel benchmark (as shipped with itzi), outside the repository. */
const REF = referenceData('flood solver against the MacDonald long-channel analytic solution', 'data/flood-macdonald/McDonald_long_channel_wo_rain',
  process.env.FLOOD_MACDONALD_DIR && resolve(process.env.FLOOD_MACDONALD_DIR, 'McDonald_long_channel_wo_rain'));
const DIR = REF.path;

describe('FloodSolver on the MacDonald long channel', () => {
  it.skipIf(!REF.present)('reaches the analytic steady water surface within 0.03 m mean absolute error (no rain)', async () => {
    const dem = readAsciiGrid(readFileSync(join(DIR, 'dem.asc'), 'utf8'), 'dem.asc');
    const q = readAsciiGrid(readFileSync(join(DIR, 'q.asc'), 'utf8'), 'q.asc');
    const W = dem.width, H = dem.height;
    const grid = syntheticGrid(W, H, dem.cellSizeM, (i, j) => dem.values[j * W + i]);
    // q.asc is an inflow rate (m/s) per cell: 0.4 m/s on 25 m² cells = 10 m³/s each, 30 m³/s (2 m²/s) in all.
    const cells: number[] = [];
    let dischargeM3PerS = 0;
    q.values.forEach((v, k) => { if (v > 0) { cells.push(k); dischargeM3PerS += v * dem.cellSizeM ** 2; } });
    expect(dischargeM3PerS).toBeCloseTo(30, 9);
    const s = new FloodSolver(grid, {
      manningN: 0.033,
      inflows: [{ id: 'upstream', cells, dischargeM3PerS: { timesS: [0], values: [dischargeM3PerS], mode: 'step' } }],
      boundaries: { west: 'closed', east: 'open', south: 'closed', north: 'closed' },
    });
    await s.advance(1200); // 20 min, as in the benchmark's settings
    const ref = readFileSync(join(DIR, 'mcdo_norain.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const d = s.readDepth(), axisRow = Math.floor(H / 2);
    const errors = ref.map(([x, , wse]) => {
      const k = axisRow * W + Math.floor((x - dem.xMinM) / dem.cellSizeM);
      return Math.abs(grid.bedM[k] + d[k] - wse);
    });
    const mae = errors.reduce((a, b) => a + b, 0) / errors.length;
    expect(ref.length).toBe(200);
    expect(mae).toBeLessThan(0.03);
    expect(Math.max(...errors)).toBeLessThan(0.06);
    expect(s.massBalance().relativeError).toBeLessThan(1e-12);
  });
});
