/**
 * Main-thread side of the simulation worker, on the one worker bridge: the Web Worker starts
 * lazily on the first run, runs are queued one at a time, and an aborted AbortSignal asks the
 * worker to stop the run at its next step (the promise rejects with an AbortError) while the
 * worker stays up for the next run. Progress and frames arrive through comlink proxies, depth
 * arrays transferred.
 */
import { proxy } from 'comlink';
import type { SimProgress } from '../src/sim/core/SimProgress';
import type { FloodFrame } from '../src/sim/flood/runFlood';
import type { FloodSetupInfo } from '../src/sim/flood/runFloodScenario';
import type { FloodRunReply, SimApi } from './sim.worker';
import { WorkerBridge } from './bridge/WorkerBridge';
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
  /** Runs one at a time; an abort asks the worker to stop the run at its next step (the worker stays up). */
  private readonly bridge: WorkerBridge<SimApi>;

  /** `spawn` creates the worker; the default is the module Web Worker next to this file. */
  constructor(spawn: () => WorkerLike = defaultWorker) {
    this.bridge = new WorkerBridge<SimApi>(spawn, { name: 'simulation worker', queue: true, abort: (api, runId) => { void api.cancel(runId); } });
  }

  /** Validates and runs a flood scenario (parsed JSON) in the worker, after any run already queued. */
  runFlood(scenario: unknown, opts: FloodRunOptions = {}): Promise<FloodRunReply> {
    return this.bridge.call((api, runId) => api.runFlood(
      { scenario, runId, workers: opts.workers, file: opts.file, tilesetsUrl: opts.tilesetsUrl },
      opts.onProgress && proxy(opts.onProgress), opts.onSetup && proxy(opts.onSetup), opts.onFrame && proxy(opts.onFrame),
    ), opts.signal);
  }

  /** Terminates the worker; safe to call twice. */
  dispose(): void {
    this.bridge.dispose();
  }
}
