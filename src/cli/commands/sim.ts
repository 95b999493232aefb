import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs, requireFlag, UsageError } from '../args';
import { openCityPackage } from '../../pipeline/package/openCityPackage';
import { createFloodRunnerNode } from '../../sim/flood/createFloodRunnerNode';
import { runFloodScenario } from '../../sim/flood/runFloodScenario';
import { runPlumeCommand } from './plumeCommand';
import { runEvacuationCommand } from './evacuationCommand';
import { runEpidemicCommand } from './epidemicCommand';

/** Reads and parses a JSON file, or throws naming it. */
function readJson(file: string): unknown {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (err) { throw new Error(`cannot read scenario ${file}: ${(err as Error).message}`); }
  try { return JSON.parse(text); } catch (err) { throw new Error(`${file}: not valid JSON: ${(err as Error).message}`); }
}

/** `--workers N|all`, or undefined when absent. */
function workersFlag(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = value === 'all' ? availableParallelism() : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--workers expects a positive integer or "all", got ${JSON.stringify(value)}`);
  return n;
}

/**
 * `sim --scenario FILE [--workers N|all] [--progress]`: runs a flood scenario (see
 * test/fixtures/sim/flood-rainstorm-1h.json) and prints its KPIs: volumes in/out (m³), max depth (m),
 * flooded area (m², peak depth above thresholds.floodedAreaM), buildings flooded, people affected
 * (by community too), impassable road samples, mass-balance error. --workers overrides
 * solver.workers ("all" = every core); --progress writes progress lines to stderr.
 * `sim --plume ...`, `sim --evacuation ...`, `sim --epidemic ...` run the other solvers.
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  // `sim --plume|--evacuation|--epidemic [flags]`: the other solvers over the demo city (see their READMEs).
  if (p.flags.has('plume')) return runPlumeCommand(args);
  if (p.flags.has('evacuation')) return runEvacuationCommand(args);
  if (p.flags.has('epidemic')) return runEpidemicCommand(args);
  const file = requireFlag(p, 'scenario', 'FILE (a flood scenario JSON, e.g. test/fixtures/sim/flood-rainstorm-1h.json)');
  const override = workersFlag(p.flags.get('workers'));
  const json = readJson(file);
  let workers = 1, lastPct = -1;
  const result = await runFloodScenario(json, {
    file, keepFrames: false, openCity: openCityPackage,
    createRunner: (grid, params, scenario) => createFloodRunnerNode(grid, params, (workers = override ?? scenario.solver.workers)),
    onProgress: p.flags.has('progress') ? (pr) => {
      const pct = Math.floor(pr.fraction * 100);
      if (pct !== lastPct) process.stderr.write(`sim: ${pct}% t=${pr.simTimeS.toFixed(0)} s steps=${pr.steps}\n`);
      lastPct = pct;
    } : undefined,
  });
  const g = result.grid, k = result.kpis;
  return {
    scenario: result.scenario.name, file, workers,
    grid: { width: g.width, height: g.height, cellSizeM: g.cellSizeM, xMinM: g.xMinM, yMinM: g.yMinM, originLonDeg: g.originLonDeg, originLatDeg: g.originLatDeg },
    kpis: k,
    peopleAffectedByCommunity: result.flooded.peopleByUnit,
    timing: { setupS: result.setupS, runS: result.runS, cellUpdatesPerS: Math.round((k.cells * k.steps) / result.runS) },
  };
}
