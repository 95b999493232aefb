import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../pipeline/demo-city/generateDemoCity';
import { SimCancelledError } from '../core/SimCancelledError';
import { epidemicCellsFromCity, type EpidemicCells } from './EpidemicCells';
import { gravityCommuting, type MobilityMatrix } from './MobilityMatrix';
import { epidemicResultTransferables, runEpidemic } from './runEpidemic';

/** Three isolated cells, synthetic (no city needed). */
function threeCells(): EpidemicCells {
  return {
    count: 3, cellIds: ['a', 'b', 'c'], communityIds: ['A', 'A', 'B'],
    xM: Float64Array.of(0, 250, 500), yM: new Float64Array(3),
    population: Float64Array.of(10000, 5000, 2000), jobs: Float64Array.of(0, 3000, 1000),
  };
}

/** An independent classical RK4 of the one-population SEIR ODEs, h = 1/200 day; state per whole day. */
function referenceSeir(N: number, I0: number, beta: number, sigma: number, gamma: number, days: number): number[][] {
  const f = ([S, E, I]: number[]) => [-beta * S * I / N, beta * S * I / N - sigma * E, sigma * E - gamma * I];
  let y = [N - I0, 0, I0];
  const out = [[...y, N - y[0] - y[1] - y[2]]], h = 1 / 200;
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < 200; s++) {
      const k1 = f(y), k2 = f(y.map((v, i) => v + (h / 2) * k1[i])), k3 = f(y.map((v, i) => v + (h / 2) * k2[i])), k4 = f(y.map((v, i) => v + h * k3[i]));
      y = y.map((v, i) => v + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
    }
    out.push([...y, N - y[0] - y[1] - y[2]]);
  }
  return out;
}

let city: EpidemicCells;
let commuting: MobilityMatrix;

beforeAll(() => {
  const c = generateDemoCity();
  city = epidemicCellsFromCity(c.units, c.buildings);
  commuting = gravityCommuting(city);
});

describe('runEpidemic', () => {
  it('matches an independent RK4 integration of the SEIR ODEs in one cell without mobility', async () => {
    const r = await runEpidemic({ cells: threeCells(), params: {
      betaPerDay: 0.6, latentPeriodDays: 3, infectiousPeriodDays: 5, days: 120, initialInfectious: [{ cell: 0, count: 10 }],
    } });
    const ref = referenceSeir(10000, 10, 0.6, 1 / 3, 1 / 5, 120);
    let worst = 0;
    for (let d = 0; d <= 120; d++) for (let c = 0; c < 4; c++) worst = Math.max(worst, Math.abs(r.seir[(d * 4 + c) * 3] - ref[d][c]));
    expect(worst / 10000).toBeLessThan(1e-5);
    expect(r.peakInfectious).toBeGreaterThan(1000);
    // Cells without infections and without mobility stay untouched.
    expect(r.seir[(120 * 4 + 0) * 3 + 1]).toBe(5000);
    const moved = structuredClone(r, { transfer: epidemicResultTransferables(r) });
    expect(moved.totals.length).toBe(121 * 4);
    expect(r.totals.length).toBe(0);
  });

  it('conserves every cell\'s population, deterministic or stochastic, with commuting', async () => {
    for (const mode of ['deterministic', 'stochastic'] as const) {
      const r = await runEpidemic({ cells: city, mobility: commuting, params: { mode, days: 60, seed: 5, initialInfectious: [{ cell: 600, count: 20 }] } });
      const n = city.count, N = city.population.reduce((a, b) => a + b, 0);
      for (let d = 0; d <= 60; d += 10) {
        expect(Math.abs(r.totals[d * 4] + r.totals[d * 4 + 1] + r.totals[d * 4 + 2] + r.totals[d * 4 + 3] - N)).toBeLessThan(1e-6 * N);
        let worst = 0;
        for (let k = 0; k < n; k++) {
          const sum = r.seir[(d * 4) * n + k] + r.seir[(d * 4 + 1) * n + k] + r.seir[(d * 4 + 2) * n + k] + r.seir[(d * 4 + 3) * n + k];
          worst = Math.max(worst, Math.abs(sum - city.population[k]));
        }
        expect(worst).toBeLessThan(mode === 'stochastic' ? 1e-3 : 0.05);
      }
      if (mode === 'stochastic') expect(Array.from(r.seir.subarray(0, 4 * n)).every(Number.isInteger)).toBe(true);
    }
  });

  it('spreads between cells only through mobility', async () => {
    const params = { days: 40, initialInfectious: [{ cell: 600, count: 20 }] };
    const alone = await runEpidemic({ cells: city, params });
    const moving = await runEpidemic({ cells: city, mobility: commuting, params });
    const reached = (r: typeof alone) => { let m = 0; for (let k = 0; k < city.count; k++) if (r.seir[(40 * 4 + 3) * city.count + k] > 1) m++; return m; };
    expect(reached(alone)).toBe(1);
    expect(reached(moving)).toBeGreaterThan(100);
  });

  it('lowers the peak under a lockdown, and contains an outbreak when its community closes early', async () => {
    const base = { days: 150, initialInfectious: [{ cell: 600, count: 20 }] };
    const allCommunities = [...new Set(city.communityIds)];
    const baseline = await runEpidemic({ cells: city, mobility: commuting, params: base });
    const lockdown = await runEpidemic({ cells: city, mobility: commuting, params: { ...base, interventions: [
      { kind: 'closeCommunities', communityIds: allCommunities, fromDay: 25, contactFactor: 0.3 },
    ] } });
    const early = await runEpidemic({ cells: city, mobility: commuting, params: { ...base, interventions: [
      { kind: 'closeCommunities', communityIds: [city.communityIds[600]], fromDay: 0, contactFactor: 0.3 },
    ] } });
    expect(lockdown.peakInfectious).toBeLessThan(0.7 * baseline.peakInfectious);
    expect(early.attackRate).toBeLessThan(0.01);
    expect(baseline.attackRate).toBeGreaterThan(0.5);
  });

  it('replays a stochastic run bit for bit from its seed, and another seed differs', async () => {
    const run = (seed: number) => runEpidemic({ cells: city, mobility: commuting, params: { mode: 'stochastic', seed, days: 30, initialInfectious: [{ cell: 100, count: 5 }] } });
    const [a, b, c] = [await run(9), await run(9), await run(10)];
    expect(Buffer.from(a.seir.buffer).equals(Buffer.from(b.seir.buffer))).toBe(true);
    expect(Buffer.from(a.seir.buffer).equals(Buffer.from(c.seir.buffer))).toBe(false);
  });

  it('stops with SimCancelledError when aborted', async () => {
    const ctrl = new AbortController();
    const p = runEpidemic({ cells: city, mobility: commuting, params: { days: 3650, initialInfectious: [{ cell: 1, count: 5 }] } },
      { signal: ctrl.signal, onProgress: () => ctrl.abort() });
    await expect(p).rejects.toBeInstanceOf(SimCancelledError);
  });

  it('rejects bad parameters naming the field', async () => {
    await expect(runEpidemic({ cells: city, params: { days: 0 } })).rejects.toThrow(/days/);
    await expect(runEpidemic({ cells: city, params: { initialInfectious: [{ cell: 99999, count: 1 }] } })).rejects.toThrow(/initialInfectious\[0\]\.cell/);
    await expect(runEpidemic({ cells: city, params: { interventions: [{ kind: 'closeCommunities', communityIds: ['nope'], fromDay: 1 }] } })).rejects.toThrow(/nope/);
  });
});
