import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../../geo/LocalFrame';
import { SimCancelledError } from '../core/SimCancelledError';
import { constantSeries } from '../core/TimeSeries';
import { pointSourceMgPerM3, type PointSourceCase } from './pointSourceAnalytic';
import { plumeGrid } from './PlumeGrid';
import { PlumeSolver } from './PlumeSolver';
import type { PlumeParams } from './PlumeParams';
import { steadyPointSourceMgPerM3 } from './steadyPointSourceAnalytic';

const ORIGIN = { lon: 104.06, lat: 30.66 };
const frame = new LocalFrame(ORIGIN.lon, ORIGIN.lat);
const CASE: PointSourceCase = { rateKgPerS: 1, speedMps: 2, diffusivityM2PerS: 20, mixingHeightM: 50 };

/** A 10 m grid with a cell centred on the plane origin, where the source sits. */
function grid(extent = { xMinM: -205, yMinM: -405, xMaxM: 1205, yMaxM: 405 }, cellSizeM = 10) {
  return plumeGrid(ORIGIN.lon, ORIGIN.lat, extent, cellSizeM);
}

function params(over: Partial<PlumeParams> = {}): Partial<PlumeParams> {
  return {
    sources: [{ lonDeg: ORIGIN.lon, latDeg: ORIGIN.lat, rateKgPerS: CASE.rateKgPerS }],
    windSpeedMps: constantSeries(CASE.speedMps), windFromDeg: constantSeries(270),
    diffusivityM2PerS: CASE.diffusivityM2PerS, mixingHeightM: CASE.mixingHeightM, ...over,
  };
}

/** Largest relative error of the solver against `exact` at cell centres (x along the wind, y across). */
function worstRelativeError(s: PlumeSolver, exact: (x: number, y: number) => number, points: Array<[number, number]>): number {
  const c = s.readConcentration(), g = s.grid;
  let worst = 0;
  for (const [x, y] of points) {
    const i = Math.floor((x - g.xMinM) / g.cellSizeM), j = Math.floor((y - g.yMinM) / g.cellSizeM);
    const xc = g.xMinM + (i + 0.5) * g.cellSizeM, yc = g.yMinM + (j + 0.5) * g.cellSizeM;
    worst = Math.max(worst, Math.abs(c[j * g.width + i] / exact(xc, yc) - 1));
  }
  return worst;
}

const DOWNWIND: Array<[number, number]> = [];
for (const x of [200, 400, 600, 800, 1000]) for (const y of [0, 50, 100, -100]) DOWNWIND.push([x, y]);

describe('PlumeSolver', () => {
  it('matches the steady 2D point-source solution (K0 Green\'s function) in uniform wind within 1%', async () => {
    const s = new PlumeSolver(grid(), params());
    await s.advance(1500);
    expect(worstRelativeError(s, (x, y) => steadyPointSourceMgPerM3(CASE, x, y), DOWNWIND)).toBeLessThan(0.01);
  });

  it('matches the time-dependent Green\'s-function integral at the advancing front within 2%', async () => {
    const s = new PlumeSolver(grid(), params());
    await s.advance(400);
    const front: Array<[number, number]> = [[700, 0], [800, 0], [900, 0], [800, 100], [600, -100]];
    expect(worstRelativeError(s, (x, y) => pointSourceMgPerM3(CASE, x, y, 400), front)).toBeLessThan(0.02);
  });

  it('matches the decaying steady solution and books the decayed mass', async () => {
    const s = new PlumeSolver(grid(), params({ decayPerS: 0.002 }));
    await s.advance(1500);
    expect(worstRelativeError(s, (x, y) => steadyPointSourceMgPerM3({ ...CASE, decayPerS: 0.002 }, x, y), DOWNWIND)).toBeLessThan(0.01);
    const mb = s.massBalance();
    expect(mb.decayedKg).toBeGreaterThan(0.3 * mb.releasedKg);
    expect(Math.abs(mb.errorKg)).toBeLessThan(1e-12 * mb.releasedKg);
  });

  it('follows a diagonal wind within 3% on the plume core', async () => {
    const g = grid({ xMinM: -205, yMinM: -805, xMaxM: 805, yMaxM: 205 });
    const s = new PlumeSolver(g, params({ windFromDeg: constantSeries(315) })); // from the north-west, towards the south-east
    await s.advance(900);
    const toward = (x: number, y: number) => (x - y) / Math.SQRT2, across = (x: number, y: number) => (x + y) / Math.SQRT2;
    const core: Array<[number, number]> = [];
    for (const d of [200, 400, 600]) for (const c of [0, 60]) core.push([(d + c) / Math.SQRT2, (c - d) / Math.SQRT2]);
    expect(worstRelativeError(s, (x, y) => steadyPointSourceMgPerM3(CASE, toward(x, y), across(x, y)), core)).toBeLessThan(0.03);
  });

  it('conserves mass to round-off without decay, with veering wind, obstacles and a finite release', async () => {
    const g = grid({ xMinM: -400, yMinM: -400, xMaxM: 400, yMaxM: 400 });
    for (let j = 30; j < 40; j++) for (let i = 45; i < 50; i++) g.blocked[j * g.width + i] = 1;
    const s = new PlumeSolver(g, params({
      sources: [{ lonDeg: ORIGIN.lon, latDeg: ORIGIN.lat, rateKgPerS: 2.5, startS: 30, durationS: 200 }],
      windSpeedMps: { timesS: [0, 300], values: [1, 4], mode: 'linear' },
      windFromDeg: { timesS: [0, 150, 300], values: [200, 260, 330], mode: 'linear' },
    }));
    await s.advance(600);
    const mb = s.massBalance();
    expect(mb.releasedKg).toBeCloseTo(500, 9);
    expect(mb.outflowKg).toBeGreaterThan(0);
    expect(mb.truncatedKg).toBeLessThan(1e-9 * mb.releasedKg);
    expect(Math.abs(mb.errorKg)).toBeLessThan(1e-12 * mb.releasedKg);
    let minC = 0, inObstacle = 0;
    s.kernel.massKgPerM2.forEach((v, k) => { minC = Math.min(minC, v); if (s.grid.blocked[k]) inObstacle += v; });
    expect(minC).toBeGreaterThanOrEqual(0);
    expect(inObstacle).toBe(0);
  });

  it('keeps the updated window to the plume on a large grid', async () => {
    const g = grid({ xMinM: -3005, yMinM: -3005, xMaxM: 3005, yMaxM: 3005 });
    const s = new PlumeSolver(g, params({ sources: [{ lonDeg: ORIGIN.lon, latDeg: ORIGIN.lat, rateKgPerS: 1, durationS: 60 }] }));
    await s.advance(600);
    const k = s.kernel, windowCells = (k.i1 - k.i0) * (k.j1 - k.j0);
    // After 10 min the puff is ~1.2 km downwind, sigma ~ 155 m; traces fall under the cutoff ~7 sigma out.
    // Without the cutoff the window would grow 2 cells a step (~1400 steps) to the whole grid.
    expect(windowCells).toBeLessThan(0.2 * g.width * g.height);
    expect(s.cellUpdates / s.steps).toBeLessThan(0.2 * g.width * g.height);
    expect(Math.abs(s.massBalance().errorKg)).toBeLessThan(1e-12 * 60);
  });

  it('gives the same bits on a second run', async () => {
    const run = async () => {
      const s = new PlumeSolver(grid(), params({ windFromDeg: { timesS: [0, 200], values: [250, 290], mode: 'linear' } }));
      await s.advance(300);
      return s.readConcentration();
    };
    expect(Buffer.from((await run()).buffer).equals(Buffer.from((await run()).buffer))).toBe(true);
  });

  it('stops with SimCancelledError when its signal is aborted', async () => {
    const s = new PlumeSolver(grid(), params());
    const ctrl = new AbortController();
    const p = s.advance(100000, { signal: ctrl.signal, onStep: (t) => { if (t > 10) ctrl.abort(); } });
    await expect(p).rejects.toBeInstanceOf(SimCancelledError);
    expect(s.timeS).toBeLessThan(100000);
  });

  it('rejects bad parameters naming the field', () => {
    expect(() => new PlumeSolver(grid(), params({ mixingHeightM: -1 }))).toThrow(/mixingHeightM/);
    expect(() => new PlumeSolver(grid(), params({ sources: [{ lonDeg: 104.06, latDeg: 30.66, rateKgPerS: -1 }] }))).toThrow(/sources\[0\]\.rateKgPerS/);
    const [lon, lat] = frame.toLonLat(5000, 0);
    expect(() => new PlumeSolver(grid(), params({ sources: [{ lonDeg: lon, latDeg: lat, rateKgPerS: 1 }] }))).toThrow(/outside the grid/);
  });
});
