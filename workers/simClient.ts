/**
 * Main-thread side of the simulation worker (Squoosh's worker-bridge pattern): the Web Worker
 * starts lazily on the first run, runs are queued one at a time, and an aborted AbortSignal asks
 * the worker to stop the run at its next step (the promise rejects with an AbortError) while the
 * worker stays up for the next run. Progress and frames arrive through comlink proxies, depth
 * arrays transferred.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { SimProgress } from '../src/sim/core/SimProgress';
import type { FloodFrame } from '../src/sim/flood/runFlood';
import type { FloodSetupInfo } from '../src/sim/flood/runFloodScenario';
import type { FloodRunReply, SimApi } from './sim.worker';
import type { WorkerLike } from './WorkerLike';

export interface FloodRunOptions {
  signal?: AbortSignal;
  /** Every few solver steps: simulated time, fraction, steps, wall time. */
  onProgress?: (p: SimProgress) => void;
  /** Once, before the first frame: the grid's plane extent, bed heights and walls. */
  onSetup?: (info: FloodSetupInfo) => void;
  /** Each output time: depth grid (m), buildings flooded so far, road closures now. Without it, frames come in the reply. */
  onFrame?: (frame: FloodFrame) => void;
  /** Band workers (needs a cross-origin isolated page); default: the scenario's solver.workers. */
  workers?: number;
  /** Names the scenario in validation errors. */
  file?: string;
  /** Where city packages are served (default the page's /tilesets). */
  tilesetsUrl?: string;
}

const defaultWorker = (): WorkerLike => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });

export class SimClient {
  private worker: WorkerLike | null = null;
  private api: Remote<SimApi> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextRunId = 1;
  private disposed = false;
  private readonly spawn: () => WorkerLike;

  /** `spawn` creates the worker; the default is the module Web Worker next to this file. */
  constructor(spawn: () => WorkerLike = defaultWorker) {
    this.spawn = spawn;
  }

  /** Validates and runs a flood scenario (parsed JSON) in the worker, after any run already queued. */
  runFlood(scenario: unknown, opts: FloodRunOptions = {}): Promise<FloodRunReply> {
    const start = () => this.startFlood(scenario, opts);
    const run = this.queue.then(start, start);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Terminates the worker; safe to call twice. */
  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  private async startFlood(scenario: unknown, opts: FloodRunOptions): Promise<FloodRunReply> {
    if (opts.signal?.aborted) throw abortError();
    const api = this.connect(), runId = this.nextRunId++;
    const onAbort = () => { void api.cancel(runId); };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await api.runFlood(
        { scenario, runId, workers: opts.workers, file: opts.file, tilesetsUrl: opts.tilesetsUrl },
        opts.onProgress && proxy(opts.onProgress), opts.onSetup && proxy(opts.onSetup), opts.onFrame && proxy(opts.onFrame),
      );
    } catch (err) {
      throw opts.signal?.aborted ? abortError() : err;
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  private connect(): Remote<SimApi> {
    if (this.disposed) throw new Error('SimClient: disposed');
    if (!this.api) {
      this.worker = this.spawn();
      this.api = wrap<SimApi>(this.worker);
    }
    return this.api;
  }
}

function abortError(): Error {
  return typeof DOMException !== 'undefined' ? new DOMException('simulation cancelled', 'AbortError') : Object.assign(new Error('simulation cancelled'), { name: 'AbortError' });
}
