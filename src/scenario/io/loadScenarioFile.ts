import { readFileSync, statSync } from 'node:fs';
import type { Scenario } from '../schema/Scenario';
import type { CityIndex } from '../validate/cityIssues';
import { parseScenarioText } from '../validate/validateScenario';

/** A scenario read from disk, with its text (hashing and share links use the parsed value). */
/** Largest scenario file read (bytes): shipped ones are a few KB, a 10,000-point series ~0.3 MB. */
export const MAX_SCENARIO_BYTES = 10 * 1024 * 1024;

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
}

/**
 * Node only: reads and validates a scenario file (schema, semantics and, given, the city's names
 * and extent). Throws naming the file when it cannot be read, else ScenarioValidationError.
 */
export function loadScenarioFile(file: string, city?: CityIndex): LoadedScenario {
  let text: string;
  try {
    const bytes = statSync(file).size;
    if (bytes > MAX_SCENARIO_BYTES) throw new Error(`${bytes} bytes; a scenario file may have at most ${MAX_SCENARIO_BYTES} (10 MiB)`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read scenario file ${file}: ${(err as Error).message}`);
  }
  return { file, scenario: parseScenarioText(text, file, city) };
}
