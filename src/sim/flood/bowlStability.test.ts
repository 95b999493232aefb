import { describe, expect, it } from 'vitest';
import { FloodSolver } from './FloodSolver';
import { syntheticGrid } from './syntheticGrid';

/**
 * Thacker's (1981) oscillations in a frictionless paraboloid bowl z = -h0 (1 - r²/a²), as in
 * SWASHES: L = 4 m, a = 1 m, h0 = 0.1 m, 4 cm cells. "radial": the curved surface that breathes
 * about the centre, starting at rest (r0 = 0.8 m); "planar": a tilted plane released at rest,
 * which sloshes from side to side. Both are 2-D oscillations with moving wet/dry edges.
 */
const L = 4, a = 1, h0 = 0.1, dx = 0.04, n = L / dx, G = 9.81;
const A = (a * a - 0.64) / (a * a + 0.64);
const OMEGA = Math.sqrt(8 * G * h0) / a; // radial mode
const bed = (x: number, y: number) => -h0 * (1 - ((x - L / 2) ** 2 + (y - L / 2) ** 2) / a ** 2);
/** Analytic surface of the radial mode at radius² r2 and time t (m). */
const radialSurface = (r2: number, t: number) => {
  const c = 1 - A * Math.cos(OMEGA * t);
  return h0 * (Math.sqrt(1 - A * A) / c - 1 - (r2 / a ** 2) * ((1 - A * A) / (c * c) - 1));
};

function start(mode: 'radial' | 'planar'): { grid: ReturnType<typeof syntheticGrid>; depth: Float64Array } {
  const grid = syntheticGrid(n, n, dx, (i, j) => bed((i + 0.5) * dx, (j + 0.5) * dx));
  const depth = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) {
    const x = (i + 0.5) * dx, y = (j + 0.5) * dx, r2 = (x - L / 2) ** 2 + (y - L / 2) ** 2;
    const eta = mode === 'radial' ? radialSurface(r2, 0) : ((0.5 * h0) / a ** 2) * (2 * (x - L / 2) - 0.5);
    depth[j * n + i] = Math.max(0, eta - bed(x, y));
  }
  return { grid, depth };
}

/** Largest checkerboard amplitude of the surface (m) where a cell and its 8 neighbours hold > 1 cm. */
function checkerboard(d: Float32Array, bedM: Float32Array): number {
  let worst = 0;
  for (let j = 1; j < n - 1; j++) for (let i = 1; i < n - 1; i++) {
    const k = j * n + i;
    let wet = true;
    for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) wet &&= d[k + dj * n + di] > 0.01;
    if (!wet) continue;
    const s = (m: number) => bedM[m] + d[m];
    worst = Math.max(worst, Math.abs(4 * s(k) - s(k - 1) - s(k + 1) - s(k - n) - s(k + n)) / 8);
  }
  return worst;
}

async function run(mode: 'radial' | 'planar', cfl?: number) {
  const { grid, depth } = start(mode);
  const s = new FloodSolver(grid, { manningN: 0, hMinFlowM: 1e-4, ...(cfl ? { cfl } : {}) }, depth);
  let noise = 0, centreError = 0;
  const centre = (n / 2) * n + n / 2;
  for (let t = 0.06; t <= 4.5 + 1e-9; t += 0.06) { // one radial period is 2 pi / omega = 2.24 s
    await s.advance(t);
    const d = s.readDepth();
    noise = Math.max(noise, checkerboard(d, grid.bedM));
    if (mode === 'radial') centreError = Math.max(centreError, Math.abs(grid.bedM[centre] + d[centre] - radialSurface(2 * (dx / 2) ** 2, t)));
  }
  return { noise, maxDepthM: s.readMaxDepth().reduce((m, v) => Math.max(m, v), 0), centreError, mass: s.massBalance().relativeError };
}

describe('FloodSolver on 2-D oscillations in a bowl', () => {
  it('stays smooth with the defaults: no checkerboard, no depth spikes, centre within 2 cm of Thacker', async () => {
    const radial = await run('radial');
    expect(radial.noise).toBeLessThan(0.003);
    expect(radial.maxDepthM).toBeLessThan(0.13); // the pool starts 0.125 m deep
    // The centre swings 4.5 cm; the scheme drops advection, which this flow has, so it is ~1.7 cm off.
    expect(radial.centreError).toBeLessThan(0.02);
    expect(radial.mass).toBeLessThan(1e-12);
    const planar = await run('planar');
    expect(planar.maxDepthM).toBeLessThan(0.13);
  });

  it('grows checkerboard depths at cfl 0.7 (the old default), so the check above can fail', async () => {
    const radial = await run('radial', 0.7), planar = await run('planar', 0.7);
    expect(radial.noise).toBeGreaterThan(0.03);
    expect(radial.maxDepthM).toBeGreaterThan(0.18);
    expect(planar.maxDepthM).toBeGreaterThan(0.18);
  });
});
