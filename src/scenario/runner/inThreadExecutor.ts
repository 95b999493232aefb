import type { RunEnvironment } from '../run/ModuleContext';
import { executeJob } from './executeJob';
import { abortError, type RunExecutor } from './RunJob';

/** Runs jobs one after another on this thread (tests; a fallback where workers are unavailable). */
export function inThreadExecutor(env: RunEnvironment): RunExecutor {
  return {
    concurrency: 1,
    async run(job, opts) {
      if (opts.signal?.aborted) throw abortError();
      try {
        return await executeJob(job, env, opts.signal, opts.onProgress);
      } catch (err) {
        throw opts.signal?.aborted ? abortError() : err;
      }
    },
    dispose() {},
  };
}
