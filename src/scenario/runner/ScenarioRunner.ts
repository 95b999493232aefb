import type { ResultCache } from '../cache/ResultCache';
import { scenarioHash } from '../cache/scenarioHash';
import type { RunProgress } from '../run/runScenario';
import type { RunResult } from '../run/RunResult';
import type { Scenario } from '../schema/Scenario';
import { runNames } from '../variants/applyVariant';
import { abortError, type RunExecutor } from './RunJob';

/** One finished run and whether it came from the cache. */
export interface RunOutcome {
  variant: string;
  result: RunResult;
  cached: boolean;
}

/** Progress of a batch: per run, and overall (mean of the runs). */
export interface BatchProgress {
  variant: string;
  run: RunProgress;
  overall: number;
}

export interface RunnerOptions {
  executor: RunExecutor;
  cache: ResultCache;
  /** Part of every cache key: results of other code are never reused. */
  codeVersion: string;
}

/**
 * Runs a scenario's baseline and variants: each run looks up its hash in the cache first, the
 * rest go to the executor (workers) all at once, so they run in parallel up to the pool size.
 * Progress per run and overall; an AbortSignal cancels every run still going (the promise
 * rejects with an AbortError); finished runs are cached as they finish.
 */
export class ScenarioRunner {
  constructor(private readonly o: RunnerOptions) {}

  hashOf(s: Scenario, variant: string): Promise<string> {
    return scenarioHash(s, variant, this.o.codeVersion);
  }

  /** Runs (or fetches) one variant ('baseline' for the scenario as written). */
  async run(s: Scenario, variant: string, opts: { signal?: AbortSignal; onProgress?: (p: RunProgress) => void } = {}): Promise<RunOutcome> {
    if (!runNames(s).includes(variant)) throw new Error(`scenario "${s.id}" has no variant "${variant}"; expected one of ${runNames(s).map((n) => `"${n}"`).join(', ')}`);
    if (opts.signal?.aborted) throw abortError();
    const hash = await this.hashOf(s, variant);
    const hit = await this.o.cache.get(hash);
    if (hit) { opts.onProgress?.({ fraction: 1, module: 'cache' }); return { variant, result: hit, cached: true }; }
    const result = await this.o.executor.run({ scenario: s, variant, hash }, opts);
    await this.o.cache.set(hash, result);
    return { variant, result, cached: false };
  }

  /** Runs several variants in parallel (default: the baseline and every variant), in the order given. */
  async runMany(s: Scenario, variants: string[] = runNames(s), opts: { signal?: AbortSignal; onProgress?: (p: BatchProgress) => void } = {}): Promise<RunOutcome[]> {
    const fractions = new Map(variants.map((v) => [v, 0]));
    const inner = new AbortController();
    const relay = () => inner.abort();
    opts.signal?.addEventListener('abort', relay, { once: true });
    if (opts.signal?.aborted) inner.abort();
    try {
      return await Promise.all(variants.map((v) => this.run(s, v, {
        signal: inner.signal,
        onProgress: (run) => {
          fractions.set(v, run.fraction);
          opts.onProgress?.({ variant: v, run, overall: [...fractions.values()].reduce((a, b) => a + b, 0) / variants.length });
        },
      }).catch((err) => { inner.abort(); throw err; })));
    } finally {
      opts.signal?.removeEventListener('abort', relay);
    }
  }
}
