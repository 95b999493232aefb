import { proxy } from 'comlink';
import { WorkerBridge } from '../../../workers/bridge/WorkerBridge';
import type { WorkerLike } from '../../../workers/WorkerLike';
import type { RunProgress } from '../run/runScenario';
import type { RunResult } from '../run/RunResult';
import type { JobApi } from './jobApi';
import { abortError, type RunExecutor, type RunJob } from './RunJob';

/**
 * Runs jobs on a pool of job workers (each a WorkerBridge to jobApi, in a Web Worker or a node
 * worker_threads Worker, whatever `spawn` makes): up to `concurrency` jobs at once, the rest
 * queued; workers start lazily and stay up between jobs (the city is built once per worker). An
 * aborted job is cancelled in its worker, which stays usable; a crashed worker fails its job and
 * a fresh one starts for the next.
 */
export class WorkerPoolExecutor implements RunExecutor {
  private readonly slots: Array<{ bridge: WorkerBridge<JobApi>; busy: boolean }> = [];
  private readonly waiting: Array<() => void> = [];
  private disposed = false;

  constructor(private readonly spawn: () => WorkerLike, readonly concurrency: number) {
    if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new Error(`WorkerPoolExecutor: concurrency must be an integer >= 1, got ${concurrency}`);
  }

  async run(job: RunJob, opts: { signal?: AbortSignal; onProgress?: (p: RunProgress) => void } = {}): Promise<RunResult> {
    if (opts.signal?.aborted) throw abortError();
    const slot = await this.acquire(opts.signal);
    try {
      const progress = opts.onProgress ? proxy(opts.onProgress) : undefined;
      return await slot.bridge.call((api, id) => api.run(id, job, progress), opts.signal);
    } catch (err) {
      throw (err as Error).name === 'AbortError' ? abortError() : err;
    } finally {
      slot.busy = false;
      this.waiting.shift()?.();
    }
  }

  /** A free worker (adding one while the pool is below size), waiting for one otherwise. */
  private async acquire(signal?: AbortSignal): Promise<{ bridge: WorkerBridge<JobApi>; busy: boolean }> {
    for (;;) {
      if (this.disposed) throw new Error('WorkerPoolExecutor: disposed');
      let free = this.slots.find((s) => !s.busy);
      if (!free && this.slots.length < this.concurrency) {
        free = { bridge: new WorkerBridge<JobApi>(this.spawn, { name: 'scenario worker', abort: (api, id) => { void api.cancel(id); } }), busy: false };
        this.slots.push(free);
      }
      if (free) { free.busy = true; return free; }
      await new Promise<void>((resolve, reject) => {
        this.waiting.push(resolve);
        signal?.addEventListener('abort', () => reject(abortError()), { once: true });
      });
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.slots) s.bridge.dispose();
    this.slots.length = 0;
    for (const w of this.waiting.splice(0)) w();
  }
}
