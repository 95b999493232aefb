import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs, requireFlag, UsageError } from '../args';
import { createFloodRunnerNode } from '../../sim/flood/createFloodRunnerNode';
import { parseFloodScenario } from '../../sim/flood/FloodScenario';
import { prepareFloodScenario } from '../../sim/flood/prepareFloodScenario';
import { runFlood } from '../../sim/flood/runFlood';

/** Reads and parses a JSON file, or throws naming it. */
function readJson(file: string): unknown {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (err) { throw new Error(`cannot read scenario ${file}: ${(err as Error).message}`); }
  try { return JSON.parse(text); } catch (err) { throw new Error(`${file}: not valid JSON: ${(err as Error).message}`); }
}

/**
 * `sim --scenario FILE [--workers N|all] [--progress]`: runs a flood scenario (see
 * test/fixtures/sim/flood-rainstorm-1h.json) and prints its KPIs: volumes in/out (m³), max depth (m),
 * flooded area (m², peak depth above thresholds.floodedAreaM), buildings flooded, people affected
 * (by community too), impassable road samples, mass-balance error. --workers overrides
 * solver.workers ("all" = every core); --progress writes progress lines to stderr.
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const file = requireFlag(p, 'scenario', 'FILE (a flood scenario JSON, e.g. test/fixtures/sim/flood-rainstorm-1h.json)');
  const scenario = parseFloodScenario(readJson(file), file);
  const w = p.flags.get('workers');
  const workers = w === undefined ? scenario.solver.workers : w === 'all' ? availableParallelism() : Number(w);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers expects a positive integer or "all", got ${JSON.stringify(w)}`);
  const t0 = performance.now();
  const { setup, params } = prepareFloodScenario(scenario, file);
  const runner = await createFloodRunnerNode(setup.grid, params, workers);
  let lastPct = -1;
  try {
    const t1 = performance.now();
    const result = await runFlood(runner, setup, {
      durationS: scenario.durationS, outputIntervalS: scenario.outputIntervalS, thresholds: scenario.thresholds, keepFrames: false,
      onProgress: p.flags.has('progress') ? (pr) => {
        const pct = Math.floor(pr.fraction * 100);
        if (pct !== lastPct) process.stderr.write(`sim: ${pct}% t=${pr.simTimeS.toFixed(0)} s steps=${pr.steps}\n`);
        lastPct = pct;
      } : undefined,
    });
    const runS = (performance.now() - t1) / 1000;
    const g = result.grid;
    return {
      scenario: scenario.name, file, workers,
      grid: { width: g.width, height: g.height, cellSizeM: g.cellSizeM, xMinM: g.xMinM, yMinM: g.yMinM, originLonDeg: g.originLonDeg, originLatDeg: g.originLatDeg },
      kpis: result.kpis,
      peopleAffectedByCommunity: result.flooded.peopleByUnit,
      timing: { setupS: (t1 - t0) / 1000, runS, cellUpdatesPerS: Math.round((result.kpis.cells * result.kpis.steps) / runS) },
    };
  } finally {
    runner.dispose();
  }
}
