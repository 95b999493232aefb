import type { WorkerPort } from '../../sim/core/WorkerPort';
import type { RunProgress } from '../run/runScenario';
import type { RunResult } from '../run/RunResult';
import type { JobReply } from './JobMessages';
import { abortError, type RunExecutor, type RunJob } from './RunJob';

interface Pending {
  resolve(r: RunResult): void;
  reject(e: Error): void;
  onProgress?: (p: RunProgress) => void;
}

interface Slot {
  port: WorkerPort;
  busy: boolean;
}

/**
 * Runs jobs on a pool of workers (node worker_threads or Web Workers, whatever `spawn` makes; each
 * runs serveJobs): up to `size` jobs at once, the rest queued; workers start lazily and stay up
 * between jobs (the city is built once per worker). An aborted job is cancelled in its worker,
 * which stays usable. A crashed worker fails its job and is replaced.
 */
export class WorkerPoolExecutor implements RunExecutor {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: Array<() => void> = [];
  private nextId = 1;
  private disposed = false;

  constructor(private readonly spawn: () => WorkerPort, readonly concurrency: number) {
    if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new Error(`WorkerPoolExecutor: concurrency must be an integer >= 1, got ${concurrency}`);
  }

  async run(job: RunJob, opts: { signal?: AbortSignal; onProgress?: (p: RunProgress) => void } = {}): Promise<RunResult> {
    if (opts.signal?.aborted) throw abortError();
    const slot = await this.acquire(opts.signal);
    const id = this.nextId++;
    const onAbort = () => slot.port.postMessage({ type: 'cancel', id });
    try {
      return await new Promise<RunResult>((resolve, reject) => {
        this.pending.set(id, { resolve, reject, onProgress: opts.onProgress });
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        slot.port.postMessage({ type: 'run', id, job });
      });
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      this.pending.delete(id);
      slot.busy = false;
      this.waiting.shift()?.();
    }
  }

  /** A free worker (starting one while the pool is below size), waiting for one otherwise. */
  private async acquire(signal?: AbortSignal): Promise<Slot> {
    for (;;) {
      if (this.disposed) throw new Error('WorkerPoolExecutor: disposed');
      const free = this.slots.find((s) => !s.busy);
      if (free) { free.busy = true; return free; }
      if (this.slots.length < this.concurrency) { const s = this.start(); s.busy = true; return s; }
      await new Promise<void>((resolve, reject) => {
        this.waiting.push(resolve);
        signal?.addEventListener('abort', () => reject(abortError()), { once: true });
      });
    }
  }

  private start(): Slot {
    const slot: Slot = { port: this.spawn(), busy: false };
    slot.port.onMessage((raw) => {
      const m = raw as JobReply, p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m.progress);
      else if (m.type === 'result') p.resolve(m.result);
      else p.reject(m.name === 'AbortError' ? abortError(m.message) : Object.assign(new Error(m.message), { name: m.name }));
    });
    slot.port.onError((err) => {
      // The worker is gone: fail whatever it was running and let a fresh one take its place.
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      for (const p of this.pending.values()) p.reject(new Error(`scenario worker failed: ${err.message}`));
    });
    this.slots.push(slot);
    return slot;
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.slots) s.port.terminate();
    this.slots.length = 0;
    for (const w of this.waiting.splice(0)) w();
  }
}
