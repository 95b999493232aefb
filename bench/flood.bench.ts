/**
 * Flood solver throughput on the demo city at 5 m cells (1800 x 1800 = 3.24 M cells, 28 % walls):
 * cell-updates per second (cells x steps / s, walls included) on one thread (FloodSolver) and
 * with one band worker per core (ParallelFloodSolver over worker_threads), from the same wet
 * state (2 cm everywhere, a 60 mm/h storm, the Jinjiang at 150 m³/s), same steps, and a check
 * that both end on the same bits. Target: >= 50 M cell-updates/s with all cores (2 here).
 * Peer: a textbook TypeScript version of the same scheme (Bates et al. 2010, Math.pow friction,
 * full-grid loops over Float64Arrays, no limiter or theta weighting) on the same grid and state.
 */
import { availableParallelism, loadavg } from 'node:os';
import { generateDemoCity } from '../src/pipeline/demo-city/generateDemoCity';
import { CITY_HALF_SIDE_M, riverCenterY } from '../src/pipeline/demo-city/layout';
import { cellsAlongLine } from '../src/sim/core/cellsAlongLine';
import { createFloodRunnerNode } from '../src/sim/flood/createFloodRunnerNode';
import type { FloodParams } from '../src/sim/flood/FloodParams';
import type { FloodRunner } from '../src/sim/flood/FloodRunner';
import type { FloodGrid } from '../src/sim/flood/FloodGrid';
import { floodGridFromCity } from '../src/sim/flood/floodGridFromCity';

const WARM_S = 3, REP_S = 15, REPS = 3, PEER_STEPS = 8;
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/** Advances REPS times by REP_S after a warm-up; returns per-rep cell-updates/s and the steps. */
async function measure(runner: FloodRunner, cells: number) {
  await runner.advance(WARM_S);
  const reps: Array<{ steps: number; seconds: number; cellUpdatesPerS: number; cellUpdatesPerCpuS: number }> = [];
  for (let r = 1; r <= REPS; r++) {
    const n0 = runner.steps, t0 = performance.now(), c0 = process.cpuUsage();
    await runner.advance(WARM_S + r * REP_S);
    const seconds = (performance.now() - t0) / 1000, steps = runner.steps - n0, cpu = process.cpuUsage(c0);
    reps.push({
      steps, seconds: round(seconds, 3), cellUpdatesPerS: Math.round((cells * steps) / seconds),
      // Per CPU-second of this process (all its threads): what the kernel gets done when it does run.
      cellUpdatesPerCpuS: Math.round((cells * steps) / ((cpu.user + cpu.system) / 1e6)),
    });
  }
  const best = Math.max(...reps.map((r) => r.cellUpdatesPerS));
  const total = reps.reduce((a, r) => ({ steps: a.steps + r.steps, seconds: a.seconds + r.seconds }), { steps: 0, seconds: 0 });
  return { reps, bestCellUpdatesPerS: best, meanCellUpdatesPerS: Math.round((cells * total.steps) / total.seconds) };
}

/**
 * The peer: Bates, Horritt & Fewtrell (2010) as a textbook writes it, one full-grid sweep per flux
 * direction and one for continuity, at a fixed dt. Returns cell-updates/s over `steps` steps.
 */
function textbookLocalInertial(grid: FloodGrid, initial: Float64Array, steps: number, dtS: number, rainM: number): number {
  const W = grid.width, H = grid.height, dx = grid.cellSizeM, g = 9.81, n = 0.03;
  const z = Float64Array.from(grid.bedM, (b, k) => (grid.wall[k] ? 1e6 : b));
  const h = Float64Array.from(initial);
  const qx = new Float64Array((W + 1) * H), qy = new Float64Array(W * (H + 1));
  const flux = (q: number, zL: number, hL: number, zR: number, hR: number) => {
    const hf = Math.max(zL + hL, zR + hR) - Math.max(zL, zR);
    if (hf <= 1e-3) return 0;
    return (q - g * hf * dtS * ((zR + hR) - (zL + hL)) / dx) / (1 + g * dtS * n * n * Math.abs(q) / Math.pow(hf, 7 / 3));
  };
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) {
    for (let j = 0; j < H; j++) for (let i = 1; i < W; i++) {
      const e = j * (W + 1) + i, k = j * W + i;
      qx[e] = flux(qx[e], z[k - 1], h[k - 1], z[k], h[k]);
    }
    for (let j = 1; j < H; j++) for (let i = 0; i < W; i++) {
      const e = j * W + i;
      qy[e] = flux(qy[e], z[e - W], h[e - W], z[e], h[e]);
    }
    for (let j = 0; j < H; j++) for (let i = 0; i < W; i++) {
      const k = j * W + i, ex = j * (W + 1) + i;
      if (grid.wall[k]) continue;
      h[k] = Math.max(0, h[k] + rainM + (dtS / dx) * (qx[ex] - qx[ex + 1] + qy[k] - qy[k + W]));
    }
  }
  return (W * H * steps) / ((performance.now() - t0) / 1000);
}

export async function run(): Promise<object> {
  const t0 = performance.now();
  const city = generateDemoCity();
  const { grid } = floodGridFromCity({ ...city, water: [{ rings: [city.river] }] }, { cellSizeM: 5, bboxM: [-CITY_HALF_SIDE_M, -CITY_HALF_SIDE_M, CITY_HALF_SIDE_M, CITY_HALF_SIDE_M] });
  const setupS = (performance.now() - t0) / 1000;
  const cells = grid.width * grid.height;
  let open = 0;
  for (const w of grid.wall) open += 1 - w;
  const xIn = grid.xMinM + 2.5, yRiver = riverCenterY(xIn);
  const params: Partial<FloodParams> = {
    rainfallMmPerH: { timesS: [0], values: [60], mode: 'step' }, drainageMmPerH: 20,
    inflows: [{ id: 'jinjiang', cells: cellsAlongLine(grid, [xIn, yRiver - 80], [xIn, yRiver + 80], (k) => grid.wall[k] === 1), dischargeM3PerS: { timesS: [0], values: [150], mode: 'step' } }],
    boundaries: { west: 'closed', east: 'open', south: 'open', north: 'open' },
  };
  const initial = Float64Array.from(grid.wall, (w) => (w ? 0 : 0.02));
  const workers = availableParallelism();

  const load0 = loadavg()[0];
  textbookLocalInertial(grid, initial, 1, 0.5, 60 / 3.6e6 * 0.5); // warm-up
  const peerCellUpdatesPerS = Math.round(textbookLocalInertial(grid, initial, PEER_STEPS, 0.5, 60 / 3.6e6 * 0.5));
  const single = await createFloodRunnerNode(grid, params, 1, initial);
  const one = await measure(single, cells);
  const depthOne = single.readDepth();
  single.dispose();
  const multi = await createFloodRunnerNode(grid, params, workers, initial);
  const all = await measure(multi, cells).finally(() => multi.dispose());
  const depthAll = multi.readDepth();
  return {
    grid: { width: grid.width, height: grid.height, cellSizeM: grid.cellSizeM, cells, openCells: open },
    setupS: round(setupS),
    simulatedS: WARM_S + REPS * REP_S,
    singleWorker: one,
    allCores: { workers, ...all },
    ratioAllCoresToSingle: round(all.meanCellUpdatesPerS / one.meanCellUpdatesPerS),
    textbookPeer: { steps: PEER_STEPS, cellUpdatesPerS: peerCellUpdatesPerS },
    ratioSingleToPeer: round(one.meanCellUpdatesPerS / peerCellUpdatesPerS),
    ratioAllCoresToPeer: round(all.meanCellUpdatesPerS / peerCellUpdatesPerS),
    sameBitsAsSingle: Buffer.from(depthAll.buffer).equals(Buffer.from(depthOne.buffer)),
    targetCellUpdatesPerS: 50_000_000,
    // The machine is shared: a 1-minute load average above the core count means the figures are low.
    loadAverage1m: { start: round(load0), end: round(loadavg()[0]) },
  };
}
