import type { Scenario } from '../schema/Scenario';
import { SCENARIO_SCHEMA } from '../schema/scenarioSchema';
import type { JsonPositions } from '../../schema/jsonPositions';
import { parseJsonWithPositions, placeIssues, SchemaValidator } from '../../schema/SchemaValidator';
import { cityIssues, type CityIndex } from './cityIssues';
import { semanticIssues } from './semanticIssues';
import { ScenarioValidationError } from './ScenarioValidationError';

/** The compiled scenario schema (built on first use). */
const validator = new SchemaValidator(SCENARIO_SCHEMA as unknown as { $defs: object });

/** Where a scenario came from and what to check it against. */
export interface ValidateOptions {
  /** File name for messages (default 'scenario'). */
  file?: string;
  /** Positions of the source text (jsonPositions), so issues carry lines. */
  positions?: JsonPositions;
  /** The city's extent and ids; omitted: names and places are not checked. */
  city?: CityIndex;
}

/**
 * Validates a parsed scenario against SCENARIO_SCHEMA, the semantic rules and (given) its city;
 * returns it typed or throws ScenarioValidationError naming the file, each JSON pointer, its line
 * (when positions are given) and what was expected.
 */
export function validateScenarioValue(value: unknown, options: ValidateOptions = {}): Scenario {
  const { file = 'scenario', positions, city } = options;
  const schemaIssues = validator.issues(value);
  if (schemaIssues.length) throw new ScenarioValidationError(file, placeIssues(schemaIssues, positions));
  const scenario = value as Scenario;
  const semantic = [...semanticIssues(scenario), ...(city ? cityIssues(scenario, city) : [])];
  if (semantic.length) throw new ScenarioValidationError(file, placeIssues(semantic, positions));
  return scenario;
}

/** Parses and validates scenario JSON text; syntax errors name the file, line and column too. */
export function parseScenarioText(text: string, file = 'scenario', city?: CityIndex): Scenario {
  const parsed = parseJsonWithPositions(text);
  if ('issue' in parsed) throw new ScenarioValidationError(file, [parsed.issue]);
  return validateScenarioValue(parsed.value, { file, positions: parsed.positions, city });
}
