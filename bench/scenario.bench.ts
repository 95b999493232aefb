/**
 * Scenario runner figures on the shipped scenarios: each scenario's baseline + variants run one
 * after another on this thread, then in parallel on a pool of 2 worker threads (ratio = speed-up
 * of parallel runs on this machine; the pool starts with the first scenario, so its start-up
 * counts there), then fetched from the cache (memory; disk in a fresh cache). Also the KPIs of
 * every run, baseline vs variants, and the load average (the machine is shared).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskResultStore } from '../src/scenario/cache/diskResultStore';
import { ResultCache } from '../src/scenario/cache/ResultCache';
import { openCityPackage } from '../src/pipeline/package/openCityPackage';
import { scenarioCity } from '../src/scenario/city/ScenarioCity';
import { loadScenarioFile } from '../src/scenario/io/loadScenarioFile';
import { nodeEnvironment } from '../src/scenario/run/nodeEnvironment';
import { inThreadExecutor } from '../src/scenario/runner/inThreadExecutor';
import { nodeWorkerExecutor } from '../src/scenario/runner/nodeWorkerExecutor';
import { ScenarioRunner } from '../src/scenario/runner/ScenarioRunner';
import { runNames } from '../src/scenario/variants/applyVariant';
import { loadavg } from 'node:os';

const dir = join(import.meta.dirname, '../scenarios');

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, Math.round(performance.now() - t0)];
}

export async function run(): Promise<object> {
  const city = await scenarioCity('demo', openCityPackage);
  const tmp = mkdtempSync(join(tmpdir(), 'scenario-bench-'));
  const pool = nodeWorkerExecutor(2);
  const out: Record<string, unknown> = { loadAverageBefore: loadavg().map((x) => Math.round(x * 100) / 100) };
  try {
    const demoFiles = readdirSync(dir).filter((x) => x.endsWith('.json') && x !== 'scenario.schema.json')
      .filter((x) => (JSON.parse(readFileSync(join(dir, x), 'utf8')) as { city?: string }).city === 'demo').sort();
    for (const f of demoFiles) {
      const { scenario } = loadScenarioFile(join(dir, f), city.index);
      const store = diskResultStore(join(tmp, scenario.id));
      const serial = new ScenarioRunner({ executor: inThreadExecutor(nodeEnvironment), cache: new ResultCache(store), codeVersion: 'bench-serial' });
      const parallel = new ScenarioRunner({ executor: pool, cache: new ResultCache(), codeVersion: 'bench-parallel' });
      // One run after another on this thread.
      const [runs, serialMs] = await timed(async () => {
        const done = [];
        for (const v of runNames(scenario)) done.push(await serial.run(scenario, v));
        return done;
      });
      const [, parallelMs] = await timed(() => parallel.runMany(scenario));
      const [, memoryHitMs] = await timed(() => serial.runMany(scenario));
      const [, diskHitMs] = await timed(() => new ScenarioRunner({ executor: inThreadExecutor(nodeEnvironment), cache: new ResultCache(store), codeVersion: 'bench-serial' }).runMany(scenario));
      out[scenario.id] = {
        runs: runs.map((r) => ({ variant: r.variant, wallMs: r.result.wallMs, kpis: Object.fromEntries(scenario.kpis.map((k) => [k, r.result.kpis[k] ?? null])) })),
        serialMs, parallel2WorkersMs: parallelMs, parallelSpeedup: Math.round((100 * serialMs) / parallelMs) / 100,
        memoryCacheHitMs: memoryHitMs, diskCacheHitMs: diskHitMs, cacheSpeedupDisk: Math.round(serialMs / Math.max(1, diskHitMs)),
      };
    }
    out.loadAverageAfter = loadavg().map((x) => Math.round(x * 100) / 100);
  } finally {
    pool.dispose();
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}
