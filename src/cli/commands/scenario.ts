import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, UsageError } from '../args';
import { diskResultStore, DEFAULT_CACHE_DIR } from '../../scenario/cache/diskResultStore';
import { nodeCodeVersion } from '../../scenario/cache/nodeCodeVersion';
import { ResultCache } from '../../scenario/cache/ResultCache';
import { kpiTable } from '../../scenario/compare/compareKpis';
import { kpiCsv } from '../../scenario/export/kpiCsv';
import { resultGeoJson } from '../../scenario/export/resultGeoJson';
import { loadScenarioForCity } from '../../scenario/io/loadScenarioForCity';
import { nodeEnvironment } from '../../scenario/run/nodeEnvironment';
import { inThreadExecutor } from '../../scenario/runner/inThreadExecutor';
import { nodeWorkerExecutor } from '../../scenario/runner/nodeWorkerExecutor';
import { ScenarioRunner } from '../../scenario/runner/ScenarioRunner';
import { SCENARIO_SCHEMA_FILE } from '../../scenario/schema/scenarioSchema';
import { schemaFileText } from '../../scenario/schema/schemaFileText';
import type { Scenario } from '../../scenario/schema/Scenario';
import { BASELINE, runNames } from '../../scenario/variants/applyVariant';

const USAGE = 'usage: scenario validate FILE | scenario run FILE [--variant NAME|all] [--out DIR] [--cache DIR|--no-cache] [--workers N] [--progress] | scenario schema [--write]';

/** `scenario validate FILE`: schema, semantic and city checks; the runs the file defines. */
async function validate(file: string): Promise<unknown> {
  const { scenario, city } = await loadScenarioForCity(file);
  return { file, valid: true, id: scenario.id, title: scenario.title, city: scenario.city, cityRevision: city?.city.revision, runs: runNames(scenario), kpis: scenario.kpis };
}

/** `scenario schema [--write]`: prints the JSON Schema, or writes scenarios/scenario.schema.json. */
function schema(write: boolean): unknown {
  const text = schemaFileText();
  if (!write) return JSON.parse(text);
  const path = join(process.cwd(), SCENARIO_SCHEMA_FILE);
  const before = (() => { try { return readFileSync(path, 'utf8'); } catch { return ''; } })();
  writeFileSync(path, text);
  return { wrote: SCENARIO_SCHEMA_FILE, changed: before !== text, bytes: text.length };
}

/** The runs asked for: baseline + one variant, or baseline + every variant ('all', the default). */
function variantsOf(s: Scenario, flag: string | true | undefined): string[] {
  if (flag === undefined || flag === 'all') return runNames(s);
  if (flag === true) throw new UsageError('--variant expects a variant name or "all"');
  if (!runNames(s).includes(flag)) throw new UsageError(`--variant: scenario "${s.id}" has no variant "${flag}"; expected one of ${runNames(s).map((n) => `"${n}"`).join(', ')}, or "all"`);
  return flag === BASELINE ? [BASELINE] : [BASELINE, flag];
}

/** `scenario run FILE`: runs baseline + variant(s) in worker threads (cached by hash) and prints the KPI table. */
async function runFile(file: string, p: ReturnType<typeof parseArgs>): Promise<unknown> {
  const { scenario, city } = await loadScenarioForCity(file);
  // Results are cached by scenario, code and city data: a re-imported city is run again.
  const codeVersion = `${nodeCodeVersion()}:${city?.city.revision ?? ''}`;
  const variants = variantsOf(scenario, p.flags.get('variant'));
  const w = p.flags.get('workers');
  const workers = w === undefined ? Math.min(variants.length, 2) : Number(w);
  if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers expects an integer >= 0 (0 = run on the main thread), got ${JSON.stringify(w)}`);
  const cacheDir = p.flags.get('cache');
  const cache = new ResultCache(p.flags.has('no-cache') ? null : diskResultStore(typeof cacheDir === 'string' ? cacheDir : DEFAULT_CACHE_DIR));
  const executor = workers === 0 ? inThreadExecutor(nodeEnvironment) : nodeWorkerExecutor(workers);
  const runner = new ScenarioRunner({ executor, cache, codeVersion });
  const t0 = performance.now();
  let last = -1;
  try {
    const outcomes = await runner.runMany(scenario, variants, {
      onProgress: p.flags.has('progress') ? (b) => {
        const pct = Math.floor(b.overall * 100);
        if (pct !== last) process.stderr.write(`scenario: ${pct}% (${b.variant}: ${b.run.module} ${Math.round(b.run.fraction * 100)}%)\n`);
        last = pct;
      } : undefined,
    });
    const rows = kpiTable(scenario.kpis, outcomes.map((o) => o.result));
    const out = p.flags.get('out');
    if (typeof out === 'string') {
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, `${scenario.id}.kpis.csv`), kpiCsv(rows, variants));
      for (const o of outcomes) writeFileSync(join(out, `${scenario.id}.${o.variant}.geojson`), JSON.stringify(resultGeoJson(o.result, 'all')));
    }
    return {
      scenario: scenario.id, title: scenario.title, city: scenario.city, file, codeVersion,
      runs: outcomes.map((o) => ({ variant: o.variant, hash: o.result.hash, cached: o.cached, modules: o.result.modules, wallMs: o.result.wallMs })),
      wallS: Math.round(performance.now() - t0) / 1000,
      kpis: rows,
    };
  } finally {
    executor.dispose();
  }
}

/**
 * `scenario validate FILE` checks a what-if file (errors name the file, JSON path, line and what
 * was expected; exit 1). `scenario run FILE [--variant NAME|all]` runs the baseline and the
 * variant(s) in worker threads, in parallel, cached under .cache/scenarios by hash, and prints the
 * KPI table as JSON (values per run; differences absolute and %, and which run is better);
 * --out DIR also writes the table as CSV and each run's layers as GeoJSON. `scenario schema
 * [--write]` prints or regenerates scenarios/scenario.schema.json.
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const [sub, file] = p.positional;
  if (sub === 'schema') return schema(p.flags.has('write'));
  if (!file) throw new UsageError(USAGE);
  if (sub === 'validate') return validate(file);
  if (sub === 'run') return runFile(file, p);
  throw new UsageError(USAGE);
}
