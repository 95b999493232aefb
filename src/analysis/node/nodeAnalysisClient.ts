/** Node only: an AnalysisClient over worker_threads (CLI and benchmarks). */
import { AnalysisClient } from '../../../workers/analysisClient';
import { spawnNodeWorker } from '../../../workers/spawnNodeWorker';

/** A client whose workers are node worker threads running workers/analysis.worker.ts. */
export function nodeAnalysisClient(workers = 2): AnalysisClient {
  return new AnalysisClient(() => spawnNodeWorker(new URL('../../../workers/analysis.worker.ts', import.meta.url)), { workers });
}
