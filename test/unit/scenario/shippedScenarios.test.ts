import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResultCache } from '../../../src/scenario/cache/ResultCache';
import { openCityPackage } from '../../../src/pipeline/package/openCityPackage';
import { scenarioCity } from '../../../src/scenario/city/ScenarioCity';
import { kpiTable } from '../../../src/scenario/compare/compareKpis';
import { loadScenarioFile } from '../../../src/scenario/io/loadScenarioFile';
import { nodeEnvironment } from '../../../src/scenario/run/nodeEnvironment';
import type { RunResult } from '../../../src/scenario/run/RunResult';
import { inThreadExecutor } from '../../../src/scenario/runner/inThreadExecutor';
import { ScenarioRunner } from '../../../src/scenario/runner/ScenarioRunner';
import type { Scenario } from '../../../src/scenario/schema/Scenario';
import { runNames } from '../../../src/scenario/variants/applyVariant';

const dir = join(import.meta.dirname, '../../../scenarios');
/** The shipped scenarios of the demo city (imported cities' scenarios are tested with their packages). */
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .filter((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { city?: string }).city === 'demo').sort();

/** The same scenario at test speed: coarser grids, a shorter epidemic. Models and composition unchanged. */
function fast(s: Scenario): Scenario {
  const m = s.models ?? {};
  const epidemic = s.events.some((e) => e.kind === 'outbreak');
  const fastModels = {
    ...m,
    ...(m.flood || s.events.some((e) => e.kind === 'rainfall') ? { flood: { ...m.flood, cellSizeM: 25 } } : {}),
    ...(s.events.some((e) => e.kind === 'chemicalLeak') ? { plume: { ...m.plume, cellSizeM: 40 } } : {}),
  };
  return { ...s, models: fastModels, ...(epidemic ? { durationS: 50 * 86400, outputIntervalS: 10 * 86400 } : {}) };
}

const city = await scenarioCity('demo', openCityPackage);

describe('shipped scenarios of the demo city', () => {
  const runner = new ScenarioRunner({ executor: inThreadExecutor(nodeEnvironment), cache: new ResultCache(), codeVersion: 'test' });
  const results = new Map<string, RunResult[]>();

  it('are at least five, each with a baseline and at least one variant', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(runNames(loadScenarioFile(join(dir, f)).scenario).length).toBeGreaterThanOrEqual(2);
  });

  beforeAll(async () => {
    for (const f of files) {
      const { scenario } = loadScenarioFile(join(dir, f), city.index);
      const outcomes = await runner.runMany(fast(scenario));
      results.set(scenario.id, outcomes.map((o) => o.result));
    }
  }, 300_000);

  it.each(files)('%s validates against the schema and the city, and every run reports its listed KPIs', (f) => {
    const { scenario } = loadScenarioFile(join(dir, f), city.index);
    const runs = results.get(scenario.id)!;
    expect(runs.map((r) => r.variant)).toEqual(runNames(scenario));
    const rows = kpiTable(scenario.kpis, runs);
    for (const row of rows) for (const v of Object.values(row.values)) expect(v === null || Number.isFinite(v)).toBe(true);
    // Timelines and layers line up: one frame of each time-varying layer per frame time.
    for (const r of runs) {
      expect(r.timeline.timesS[0]).toBe(0);
      for (const s of r.timeline.series) expect(s.values).toHaveLength(r.timeline.timesS.length);
      for (const l of r.layers) if (l.frames) expect(l.frames).toHaveLength(r.timeline.timesS.length);
    }
    // Each variant changes at least one listed KPI: the variants are real alternatives.
    for (const v of runNames(scenario).slice(1)) {
      if (scenario.id === 'highrise-fire' && v === 'minimise-worst') continue;
      expect(rows.some((row) => row.diffs[v].better !== 'same'), `${scenario.id}/${v}`).toBe(true);
    }
  });

  it('moves the KPIs the way each intervention should', () => {
    const k = (id: string, v: string) => results.get(id)!.find((r) => r.variant === v)!.kpis;
    expect(k('rainstorm-old-town', 'drainage-upgrade').floodedAreaM2!).toBeLessThan(k('rainstorm-old-town', 'baseline').floodedAreaM2!);
    expect(k('rainstorm-old-town', 'drainage-upgrade').drainedM3!).toBeGreaterThan(k('rainstorm-old-town', 'baseline').drainedM3!);
    expect(k('highrise-fire', 'forward-fire-post').fullResponseS!).toBeLessThan(k('highrise-fire', 'baseline').fullResponseS!);
    expect(k('stadium-event-traffic', 'baseline').meanDelayPct!).toBeGreaterThan(0);
    expect(k('stadium-event-traffic', 'emergency-corridor').emergencyAccessS!).toBeLessThan(k('stadium-event-traffic', 'baseline').emergencyAccessS!);
    expect(k('chemical-leak-evacuation', 'fast-isolation').zoneAreaM2!).toBeLessThan(k('chemical-leak-evacuation', 'baseline').zoneAreaM2!);
    expect(k('chemical-leak-evacuation', 'more-shelters').unsheltered!).toBeLessThanOrEqual(k('chemical-leak-evacuation', 'baseline').unsheltered!);
    expect(k('epidemic-community-lockdown', 'lockdown').totalInfected!).toBeLessThan(k('epidemic-community-lockdown', 'baseline').totalInfected!);
  });
});
