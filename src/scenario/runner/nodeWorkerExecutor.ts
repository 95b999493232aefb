import { availableParallelism } from 'node:os';
import { spawnNodeWorker } from '../../../workers/spawnNodeWorker';
import { WorkerPoolExecutor } from './WorkerPoolExecutor';

/** URL of the node job-worker entry. */
export const SCENARIO_JOB_NODE_ENTRY = new URL('./scenarioJob.node.ts', import.meta.url);

/** Node only: a pool of worker_threads running scenario jobs, one per core by default. */
export function nodeWorkerExecutor(concurrency = availableParallelism()): WorkerPoolExecutor {
  return new WorkerPoolExecutor(() => spawnNodeWorker(SCENARIO_JOB_NODE_ENTRY), concurrency);
}
