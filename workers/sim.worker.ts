/**
 * Simulation worker: the flood solver behind comlink, so a run never blocks the page. One plain
 * object is exposed; progress and frames come back through comlink.proxy callbacks, depth arrays
 * are transferred (not copied), and `cancel(runId)` stops a run between two solver steps (its
 * promise then rejects with an AbortError). With several workers asked for and SharedArrayBuffer
 * available (a cross-origin isolated page), the rows are split into bands over nested Web Workers.
 */
import { expose, releaseProxy, transfer } from 'comlink';
import type { SimProgress } from '../src/sim/core/SimProgress';
import { webWorkerPort } from '../src/sim/core/WorkerPort';
import { FloodSolver } from '../src/sim/flood/FloodSolver';
import { ParallelFloodSolver } from '../src/sim/flood/ParallelFloodSolver';
import type { FloodFrame, FloodResult } from '../src/sim/flood/runFlood';
import { runFloodScenario, type FloodSetupInfo } from '../src/sim/flood/runFloodScenario';
import { fetchCityPackage } from '../src/twin/package/fetchCityPackage';

/** What a flood run returns (frames went through onFrame, or are here when no onFrame was given). */
export interface FloodRunReply extends FloodResult {
  /** Band workers used (1 = the solver ran in this worker). */
  workers: number;
  setupS: number;
  runS: number;
}

export interface FloodRunRequest {
  /** Parsed flood scenario JSON (validated here; errors name `file` and the JSON path). */
  scenario: unknown;
  /** Chosen by the client; `cancel(runId)` stops this run. */
  runId: number;
  file?: string;
  /** Band workers; default: the scenario's solver.workers. 1 when SharedArrayBuffer is unavailable. */
  workers?: number;
  /** Where city packages are served (default the page's /tilesets): the scenario's `city` is read from there. */
  tilesetsUrl?: string;
}

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();

/** Workers actually usable: nested band workers need SharedArrayBuffer (COOP/COEP). */
function usableWorkers(asked: number): number {
  return asked > 1 && typeof SharedArrayBuffer !== 'undefined' && scope.crossOriginIsolated !== false && typeof Worker !== 'undefined' ? asked : 1;
}

const spawnBand = () => webWorkerPort(new Worker(new URL('../src/sim/flood/floodBand.web.ts', import.meta.url), { type: 'module' }));

export const api = {
  /** Runs a flood scenario; onSetup gets the grid and bed once, onFrame each output time (transferred). */
  async runFlood(req: FloodRunRequest, onProgress?: (p: SimProgress) => void, onSetup?: (info: FloodSetupInfo) => void, onFrame?: (f: FloodFrame) => void): Promise<FloodRunReply> {
    const ac = new AbortController();
    running.set(req.runId, ac);
    let workers = 1;
    // Proxied callbacks travel on their own ports: wait for the last of each before replying.
    const delivered: Array<unknown> = [undefined, undefined, undefined];
    try {
      const r = await runFloodScenario(req.scenario, {
        file: req.file, signal: ac.signal, keepFrames: !onFrame, openCity: (name) => fetchCityPackage(name, req.tilesetsUrl),
        onProgress: onProgress && ((p) => { delivered[0] = onProgress(p); }),
        onSetup: onSetup && ((info) => { delivered[1] = onSetup(transfer(info, [info.bedM.buffer, info.wall.buffer])); }),
        onFrame: onFrame && ((f) => { delivered[2] = onFrame(transfer(f, [f.depthM.buffer, f.flooded.indices.buffer, f.flooded.depthM.buffer])); }),
        createRunner: async (grid, params, scenario) => {
          workers = usableWorkers(req.workers ?? scenario.solver.workers);
          return workers > 1 ? ParallelFloodSolver.create(grid, params, { workers, spawn: spawnBand }) : new FloodSolver(grid, params);
        },
      });
      await Promise.all(delivered);
      const reply: FloodRunReply = {
        grid: r.grid, frames: r.frames, maxDepthM: r.maxDepthM, flooded: r.flooded, impassable: r.impassable, kpis: r.kpis,
        workers, setupS: r.setupS, runS: r.runS,
      };
      const buffers = [r.maxDepthM.buffer, r.flooded.indices.buffer, r.flooded.depthM.buffer, ...r.frames.flatMap((f) => [f.depthM.buffer, f.flooded.indices.buffer, f.flooded.depthM.buffer])];
      return transfer(reply, buffers);
    } finally {
      running.delete(req.runId);
      for (const cb of [onProgress, onSetup, onFrame]) (cb as unknown as { [releaseProxy]?: () => void } | undefined)?.[releaseProxy]?.();
    }
  },

  /** Stops run `runId` at its next step (no-op when it already ended). */
  cancel(runId: number): void {
    running.get(runId)?.abort();
  },
};

export type SimApi = typeof api;

expose(api);
