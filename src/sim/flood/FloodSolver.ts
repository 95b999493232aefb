import { advanceInSteps } from '../core/advanceInSteps';
import { copyDepth } from './copyDepth';
import { createFloodBuffers, type FloodBuffers } from './FloodBuffers';
import { FloodBandKernel } from './FloodBandKernel';
import { FloodClock } from './FloodClock';
import { assertFloodGrid, type FloodGrid } from './FloodGrid';
import { massBalance, storedVolumeM3, type FloodMassBalance } from './FloodMassBalance';
import { floodParams, type FloodParams } from './FloodParams';
import type { AdvanceOptions, FloodRunner } from './FloodRunner';


/**
 * The local-inertial flood solver on one thread: the whole grid is one band of FloodBandKernel.
 * Deterministic; ParallelFloodSolver gives the same bits with several workers.
 */
export class FloodSolver implements FloodRunner {
  readonly grid: FloodGrid;
  readonly params: FloodParams;
  private readonly buffers: FloodBuffers;
  private readonly kernel: FloodBandKernel;
  private readonly clock: FloodClock;
  private readonly initialM3: number;
  private parity = 0;
  private hmaxM: number;
  private t = 0;
  private n = 0;
  private readonly stepping = { timeS: () => this.t, steps: () => this.n, stepOnce: (untilS: number) => this.stepOnce(untilS) };

  /** @param initialDepthM optional starting depth per cell (m); walls are kept dry. */
  constructor(grid: FloodGrid, params: Partial<FloodParams> = {}, initialDepthM?: Float64Array) {
    assertFloodGrid(grid);
    this.grid = grid;
    this.params = floodParams(params);
    this.buffers = createFloodBuffers(grid, this.params.inflows, false, initialDepthM);
    this.kernel = new FloodBandKernel(this.buffers, this.params, grid.cellSizeM, 0, grid.height);
    this.clock = new FloodClock(this.params, grid.cellSizeM);
    this.initialM3 = storedVolumeM3(this.buffers.hM[0], grid.cellSizeM ** 2);
    this.hmaxM = this.kernel.hmax(0);
  }

  get timeS(): number { return this.t; }
  get steps(): number { return this.n; }

  /** One step (s of simulated time it took), never past untilS. */
  stepOnce(untilS: number): number {
    const t0 = this.t;
    this.t = this.clock.next(this.t, this.hmaxM, untilS);
    this.hmaxM = this.kernel.step(this.parity, this.clock.forcing);
    this.parity ^= 1;
    this.n++;
    return this.t - t0;
  }

  async advance(untilS: number, options: AdvanceOptions = {}): Promise<void> {
    await advanceInSteps(this.stepping, untilS, options);
  }

  readDepth(out?: Float32Array): Float32Array { return copyDepth(this.buffers.hM[this.parity], out); }

  readMaxDepth(out?: Float32Array): Float32Array {
    const o = out ?? new Float32Array(this.buffers.maxDepthM.length);
    o.set(this.buffers.maxDepthM);
    return o;
  }

  /** Unit discharges of the current state (m²/s) on x edges ((width + 1) per row) and y edges (width per edge row). */
  readFluxes(): { qxM2PerS: Float32Array; qyM2PerS: Float32Array } {
    return { qxM2PerS: this.buffers.qxM2PerS[this.parity].slice(), qyM2PerS: this.buffers.qyM2PerS[this.parity].slice() };
  }

  massBalance(): FloodMassBalance {
    return massBalance(this.buffers, this.parity, this.grid.cellSizeM ** 2, this.initialM3);
  }

  dispose(): void { /* plain arrays only; nothing to release */ }
}
