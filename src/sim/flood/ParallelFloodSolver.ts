import { SimCancelledError, throwIfCancelled } from '../core/SimCancelledError';
import { SharedBarrier } from '../core/SharedBarrier';
import { splitRows } from '../core/splitRows';
import { WorkerRequests } from '../core/WorkerRequests';
import type { WorkerPort } from '../core/WorkerPort';
import { copyDepth } from './copyDepth';
import { createFloodBuffers, type FloodBuffers } from './FloodBuffers';
import type { FloodBandInit, FloodBandRunResult, FloodControl } from './FloodBandProtocol';
import { assertFloodGrid, type FloodGrid } from './FloodGrid';
import { massBalance, storedVolumeM3, type FloodMassBalance } from './FloodMassBalance';
import { floodParams, type FloodParams } from './FloodParams';
import type { AdvanceOptions, FloodRunner } from './FloodRunner';

/** Wall-clock time (ms) one chunk of lockstep steps should take: progress and cancel granularity. */
const CHUNK_MS = 100;

export interface ParallelFloodOptions {
  /** Number of band workers (rows are split into that many bands). */
  workers: number;
  /** Starts band worker w: nodeWorkerPort(floodBand.node.ts URL) in node, a Web Worker on floodBand.web.ts in browsers. */
  spawn: (w: number) => WorkerPort;
  initialDepthM?: Float64Array;
}

/**
 * The flood solver over several workers: rows split into bands, all state in SharedArrayBuffers,
 * one barrier per step (state is double-buffered, halo rows are recomputed, see FloodBandKernel),
 * the global dt from a max over per-band hmax slots. Bit-identical to FloodSolver for any count.
 * This thread only sends `run` chunks and reads the shared state between them.
 */
export class ParallelFloodSolver implements FloodRunner {
  readonly grid: FloodGrid;
  readonly params: FloodParams;
  private readonly buffers: FloodBuffers;
  private readonly control: FloodControl;
  private readonly requests: WorkerRequests;
  private readonly initialM3: number;
  private parity = 0;
  private t = 0;
  private n = 0;
  private chunkSteps = 8;

  private constructor(grid: FloodGrid, params: FloodParams, buffers: FloodBuffers, control: FloodControl, requests: WorkerRequests) {
    this.grid = grid; this.params = params; this.buffers = buffers; this.control = control; this.requests = requests;
    this.initialM3 = storedVolumeM3(buffers.hM[0], grid.cellSizeM ** 2);
  }

  /** Starts the workers and hands them the shared buffers. */
  static async create(grid: FloodGrid, params: Partial<FloodParams>, options: ParallelFloodOptions): Promise<ParallelFloodSolver> {
    if (typeof SharedArrayBuffer === 'undefined') {
      throw new Error('ParallelFloodSolver needs SharedArrayBuffer (in browsers: a cross-origin isolated page, COOP/COEP headers)');
    }
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new Error(`ParallelFloodSolver: workers must be a positive integer, got ${options.workers}`);
    assertFloodGrid(grid);
    const p = floodParams(params);
    const bands = splitRows(grid.height, options.workers);
    const buffers = createFloodBuffers(grid, p.inflows, true, options.initialDepthM, bands.length);
    const control: FloodControl = {
      barrier: SharedBarrier.createControl(),
      hmaxSlots: new Float64Array(new SharedArrayBuffer(16 * bands.length)),
    };
    let hmax = 0;
    for (const d of buffers.hM[0]) if (d > hmax) hmax = d;
    control.hmaxSlots.fill(hmax, 0, bands.length);
    const requests = new WorkerRequests(bands.map((_, w) => options.spawn(w)));
    const solver = new ParallelFloodSolver(grid, p, buffers, control, requests);
    try {
      await requests.all('init', bands.map((_, band): FloodBandInit => ({ buffers, control, params: p, cellSizeM: grid.cellSizeM, band, bands })));
    } catch (err) {
      solver.dispose();
      throw err;
    }
    return solver;
  }

  get timeS(): number { return this.t; }
  get steps(): number { return this.n; }
  get workers(): number { return this.requests.size; }

  async advance(untilS: number, options: AdvanceOptions = {}): Promise<void> {
    const { signal } = options;
    const onAbort = () => SharedBarrier.requestAbort(this.control.barrier);
    const target = signal as Partial<AbortSignal> | undefined;
    target?.addEventListener?.('abort', onAbort);
    try {
      while (this.t < untilS) {
        throwIfCancelled(signal, this.t);
        SharedBarrier.requestAbort(this.control.barrier, false);
        const t0 = performance.now();
        const replies = await this.requests.all<FloodBandRunResult>('run', Array.from({ length: this.requests.size }, () => ({
          timeS: this.t, parity: this.parity, untilS, maxSteps: this.chunkSteps,
        })));
        const r = replies[0];
        if (replies.some((x) => x.timeS !== r.timeS || x.steps !== r.steps || x.parity !== r.parity)) {
          throw new Error('ParallelFloodSolver: bands disagree on time or steps (internal error)');
        }
        this.t = r.timeS; this.parity = r.parity; this.n += r.steps;
        options.onStep?.(this.t, this.n);
        if (r.aborted) throw new SimCancelledError(this.t);
        const ms = performance.now() - t0;
        this.chunkSteps = Math.max(1, Math.min(10_000, Math.round(r.steps * (ms > 0 ? CHUNK_MS / ms : 2))));
      }
    } finally {
      target?.removeEventListener?.('abort', onAbort);
    }
  }

  readDepth(out?: Float32Array): Float32Array { return copyDepth(this.buffers.hM[this.parity], out); }

  readMaxDepth(out?: Float32Array): Float32Array {
    const o = out ?? new Float32Array(this.buffers.maxDepthM.length);
    o.set(this.buffers.maxDepthM);
    return o;
  }

  massBalance(): FloodMassBalance {
    return massBalance(this.buffers, this.parity, this.grid.cellSizeM ** 2, this.initialM3);
  }

  /** Stops the workers; safe to call twice. */
  dispose(): void { this.requests.dispose(); }
}
