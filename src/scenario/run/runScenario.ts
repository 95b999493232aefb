import { throwIfCancelled } from '../../sim/core/SimCancelledError';
import type { AbortLike } from '../../sim/core/SimProgress';
import { applyMassing } from '../city/applyMassing';
import type { ScenarioCity } from '../city/ScenarioCity';
import { modulesOf } from '../models/modulesOf';
import { RUN_MODULES } from '../models/runModules';
import type { EffectiveScenario } from '../variants/applyVariant';
import { frameTimes } from './frameTimes';
import type { ModuleOutput, RunEnvironment, SharedState } from './ModuleContext';
import type { RunResult } from './RunResult';

/** Progress of one run: overall fraction and the module working now. */
export interface RunProgress {
  fraction: number;
  module: string;
}

export interface RunOptions {
  signal?: AbortLike;
  onProgress?: (p: RunProgress) => void;
}

/**
 * Runs one effective scenario (baseline or a variant) on this thread: the modules its events call
 * for, in dependency order (flood and plume before the routing and evacuation modules that use
 * their closures and zone), then gathers KPIs, timeline series and layers. Deterministic for the
 * same scenario; rejects with SimCancelledError (name 'AbortError') when the signal aborts.
 */
export async function runScenario(e: EffectiveScenario, city: ScenarioCity, env: RunEnvironment, hash: string, opts: RunOptions = {}): Promise<RunResult> {
  const t0 = performance.now();
  const wanted = modulesOf(e.scenario);
  const modules = RUN_MODULES.filter((m) => wanted.has(m.name));
  const timesS = frameTimes(e.scenario);
  // Proposed and cleared buildings change the city every module sees (flood walls, stations, people).
  const massing = applyMassing(e.scenario, city.city.buildings, city.frame);
  const runCity = massing ? city.withBuildings(massing.buildings) : city;
  const shared: SharedState = {};
  const outputs: ModuleOutput[] = [];
  for (let k = 0; k < modules.length; k++) {
    const m = modules[k];
    throwIfCancelled(opts.signal, 0);
    const report = (f: number) => opts.onProgress?.({ fraction: (k + Math.min(1, Math.max(0, f))) / modules.length, module: m.name });
    report(0);
    outputs.push(await m.run({ scenario: e.scenario, city: runCity, baseCity: city, massing, env, timesS, shared, signal: opts.signal, onProgress: report }));
    report(1);
  }
  return {
    scenarioId: e.scenario.id, variant: e.variant, hash, modules: modules.map((m) => m.name),
    kpis: Object.assign({}, ...outputs.map((o) => o.kpis)),
    timeline: { timesS, series: outputs.flatMap((o) => o.series) },
    layers: outputs.flatMap((o) => o.layers),
    wallMs: Math.round(performance.now() - t0),
  };
}
