import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, UsageError } from '../args';
import { scenarioCity } from '../../scenario/city/ScenarioCity';
import { loadScenarioFile } from '../../scenario/io/loadScenarioFile';
import { SCENARIO_SCHEMA_FILE } from '../../scenario/schema/scenarioSchema';
import { schemaFileText } from '../../scenario/schema/schemaFileText';
import { runNames } from '../../scenario/variants/applyVariant';

const USAGE = 'usage: scenario validate FILE | scenario run FILE [--variant NAME|all] [--out DIR] [--no-cache] [--progress] | scenario schema [--write]';

/** `scenario validate FILE`: schema, semantic and city checks; the runs the file defines. */
function validate(file: string): unknown {
  const { scenario } = loadScenarioFile(file, scenarioCity('demo').index);
  return { file, valid: true, id: scenario.id, title: scenario.title, runs: runNames(scenario), kpis: scenario.kpis };
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

/**
 * `scenario validate FILE` checks a what-if file (errors name the file, JSON path, line and what
 * was expected; exit 1); `scenario run FILE [--variant NAME|all]` runs the baseline and the variant
 * and prints the KPI table as JSON; `scenario schema [--write]` prints or regenerates the schema.
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const [sub, file] = p.positional;
  if (sub === 'schema') return schema(p.flags.has('write'));
  if (!file) throw new UsageError(USAGE);
  if (sub === 'validate') return validate(file);
  throw new UsageError(USAGE);
}
