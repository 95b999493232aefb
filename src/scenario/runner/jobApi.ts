import type { RunEnvironment } from '../run/ModuleContext';
import type { RunProgress } from '../run/runScenario';
import type { RunResult } from '../run/RunResult';
import { executeJob } from './executeJob';
import { abortError, type RunJob } from './RunJob';

/**
 * What a scenario job worker exposes over comlink (Web Worker or node worker_threads): `run` one
 * job (progress at most every 1 %), `cancel` it between solver steps. One job at a time per
 * worker; the city stays cached between jobs.
 */
export function jobApi(env: RunEnvironment) {
  const running = new Map<number, AbortController>();
  return {
    async run(id: number, job: RunJob, onProgress?: (p: RunProgress) => void): Promise<RunResult> {
      const ac = new AbortController();
      running.set(id, ac);
      let last = -1;
      try {
        return await executeJob(job, env, ac.signal, (p) => {
          const pct = Math.floor(p.fraction * 100);
          if (pct !== last) { last = pct; onProgress?.(p); }
        });
      } catch (err) {
        throw ac.signal.aborted ? abortError() : err;
      } finally {
        running.delete(id);
      }
    },
    cancel(id: number): void {
      running.get(id)?.abort();
    },
  };
}

export type JobApi = ReturnType<typeof jobApi>;
