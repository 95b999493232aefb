import type { RunProgress } from '../run/runScenario';
import type { RunResult } from '../run/RunResult';
import type { Scenario } from '../schema/Scenario';

/** One run to do: a validated scenario, the variant to apply and its cache key. Plain data (crosses to workers). */
export interface RunJob {
  scenario: Scenario;
  variant: string;
  hash: string;
}

/** Runs jobs somewhere (this thread, node worker threads, Web Workers). */
export interface RunExecutor {
  /** Rejects with an Error named 'AbortError' when the signal aborts. */
  run(job: RunJob, opts: { signal?: AbortSignal; onProgress?: (p: RunProgress) => void }): Promise<RunResult>;
  /** How many jobs it runs at once (workers in its pool). */
  readonly concurrency: number;
  /** Stops its workers; safe to call twice. */
  dispose(): void;
}

/** The error a cancelled run rejects with (name 'AbortError', like fetch and the solvers). */
export function abortError(message = 'scenario run cancelled'): Error {
  return Object.assign(new Error(message), { name: 'AbortError' });
}
