import { readFileSync } from 'node:fs';
import { parseArgs, UsageError } from '../args';
import { openCityModel } from '../cityFlag';
import { numberFlag } from './numberFlag';
import { epidemicCellsFromCity } from '../../sim/epidemic/EpidemicCells';
import { gravityCommuting } from '../../sim/epidemic/MobilityMatrix';
import { runEpidemic } from '../../sim/epidemic/runEpidemic';
import type { EpidemicIntervention } from '../../sim/epidemic/SeirParams';

/** Reads a JSON array of interventions from a file, naming the file on failure (fields are checked by seirParams). */
function readInterventions(file: string): EpidemicIntervention[] {
  let json: unknown;
  try { json = JSON.parse(readFileSync(file, 'utf8')); } catch (err) { throw new UsageError(`--interventions ${file}: ${(err as Error).message}`); }
  if (!Array.isArray(json)) throw new UsageError(`--interventions ${file}: expected a JSON array of interventions, got ${typeof json}`);
  return json as EpidemicIntervention[];
}

/**
 * `sim --epidemic [--days N] [--seed-cell GRID_ID:COUNT] [--r0 X] [--latent D] [--infectious D]
 * [--mode deterministic|stochastic] [--seed N] [--no-mobility] [--interventions FILE] [--city NAME]`:
 * SEIR over a city package's grid cells (the demo's 1296 by default); prints peak day, peak infections, attack rate and weekly totals.
 */
export async function runEpidemicCommand(args: string[]): Promise<unknown> {
  const p = parseArgs(args), { city } = await openCityModel(p), cells = epidemicCellsFromCity(city.units, city.buildings);
  const seedSpec = p.flags.get('seed-cell') ?? `${cells.cellIds[Math.min(600, cells.count >> 1)]}:20`;
  const m = typeof seedSpec === 'string' ? /^(.+):(\d+)$/.exec(seedSpec) : null;
  const cell = m ? cells.cellIds.indexOf(m[1]) : -1;
  if (!m || cell < 0) throw new UsageError(`--seed-cell expects GRID_ID:COUNT with a grid unit id of city "${city.name}" (e.g. ${cells.cellIds[Math.min(600, cells.count >> 1)]}:20), got ${JSON.stringify(seedSpec)}`);
  const infectiousPeriodDays = numberFlag(p, 'infectious', 5, 0.1, 'days'), mode = p.flags.get('mode') ?? 'deterministic';
  if (mode !== 'deterministic' && mode !== 'stochastic') throw new UsageError(`--mode expects deterministic or stochastic, got ${JSON.stringify(mode)}`);
  const interventionsFile = p.flags.get('interventions');
  const r = await runEpidemic({
    cells, mobility: p.flags.has('no-mobility') ? undefined : gravityCommuting(cells),
    params: {
      betaPerDay: numberFlag(p, 'r0', 2.5, 0) / infectiousPeriodDays, latentPeriodDays: numberFlag(p, 'latent', 3, 0.1, 'days'), infectiousPeriodDays,
      days: numberFlag(p, 'days', 180, 1), mode, seed: numberFlag(p, 'seed', 1), initialInfectious: [{ cell, count: Number(m[2]) }],
      interventions: typeof interventionsFile === 'string' ? readInterventions(interventionsFile) : [],
    },
  });
  const weekly = [];
  for (let d = 0; d <= r.days; d += 7) weekly.push({ day: d, S: Math.round(r.totals[d * 4]), E: Math.round(r.totals[d * 4 + 1]), I: Math.round(r.totals[d * 4 + 2]), R: Math.round(r.totals[d * 4 + 3]) });
  return {
    city: city.name, cells: cells.count, population: cells.population.reduce((a, b) => a + b, 0), mode, days: r.days,
    peakDay: r.peakDay, peakInfectious: Math.round(r.peakInfectious), attackRate: Math.round(r.attackRate * 1e4) / 1e4,
    wallS: r.wallMs / 1000, weekly,
  };
}
