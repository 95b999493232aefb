/**
 * Flood solver throughput on the demo city at 5 m cells (1800 x 1800 = 3.24 M cells, 28 % walls):
 * cell-updates per second (cells x steps / s, walls included) on one thread (FloodSolver) and
 * with one band worker per core (ParallelFloodSolver over worker_threads), from the same wet
 * state (2 cm everywhere, a 60 mm/h storm, the Jinjiang at 150 m³/s), same steps, and a check
 * that both end on the same bits. Target: >= 50 M cell-updates/s with all cores (2 here).
 */
import { availableParallelism, loadavg } from 'node:os';
import { generateDemoCity } from '../src/pipeline/demo-city/generateDemoCity';
import { riverCenterY } from '../src/pipeline/demo-city/layout';
import { cellsAlongLine } from '../src/sim/core/cellsAlongLine';
import { createFloodRunnerNode } from '../src/sim/flood/createFloodRunnerNode';
import type { FloodParams } from '../src/sim/flood/FloodParams';
import type { FloodRunner } from '../src/sim/flood/FloodRunner';
import { floodGridFromCity } from '../src/sim/flood/floodGridFromCity';

const WARM_S = 3, REP_S = 15, REPS = 3;
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

export async function run(): Promise<object> {
  const t0 = performance.now();
  const city = generateDemoCity();
  const { grid } = floodGridFromCity(city, { cellSizeM: 5 });
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
    sameBitsAsSingle: Buffer.from(depthAll.buffer).equals(Buffer.from(depthOne.buffer)),
    targetCellUpdatesPerS: 50_000_000,
    // The machine is shared: a 1-minute load average above the core count means the figures are low.
    loadAverage1m: { start: round(load0), end: round(loadavg()[0]) },
  };
}
