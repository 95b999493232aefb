import { WorkerPoolExecutor } from './WorkerPoolExecutor';

/**
 * Browser only: a pool of module Web Workers running scenario jobs (baseline and variants in
 * parallel), at most `concurrency` (default: the cores the browser reports, 2 to 4).
 */
export function webWorkerExecutor(concurrency = Math.min(4, Math.max(2, navigator.hardwareConcurrency || 2))): WorkerPoolExecutor {
  return new WorkerPoolExecutor(() => new Worker(new URL('./scenario.worker.ts', import.meta.url), { type: 'module' }), concurrency);
}
