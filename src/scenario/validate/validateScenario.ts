import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { Scenario } from '../schema/Scenario';
import { SCENARIO_SCHEMA } from '../schema/scenarioSchema';
import { ajvIssues } from './ajvIssue';
import { cityIssues, type CityIndex } from './cityIssues';
import { jsonPositions, JsonSyntaxError, type JsonPositions, type TextPosition } from '../../json/jsonPositions';
import { semanticIssues } from './semanticIssues';
import { ScenarioValidationError, type ScenarioIssue } from './ScenarioValidationError';
import { workIssues } from './workIssues';

let compiled: ValidateFunction | null = null;

/** The compiled schema validator (built once; ajv compiles to a function, ~50 ms). */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, discriminator: true, strict: true, strictTuples: true, strictRequired: false });
    compiled = ajv.compile(SCENARIO_SCHEMA as unknown as object);
  }
  return compiled;
}

/** Line and column of a pointer: its value (its key for a misnamed property), else the nearest enclosing value. */
function locate(positions: JsonPositions | undefined, pointer: string, onKey: boolean): TextPosition {
  if (!positions) return { line: 0, column: 0 };
  const [first, second] = onKey ? [positions.key, positions.value] : [positions.value, positions.key];
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const hit = first.get(p) ?? second.get(p);
    if (hit) return hit;
    if (p === '') return { line: 1, column: 1 };
  }
}

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
 * Validates a parsed scenario against SCENARIO_SCHEMA, the semantic rules, the work limits (frames,
 * grid cells, time steps: see workIssues) and (given) its city;
 * returns it typed or throws ScenarioValidationError naming the file, each JSON pointer, its line
 * (when positions are given) and what was expected.
 */
export function validateScenarioValue(value: unknown, options: ValidateOptions = {}): Scenario {
  const { file = 'scenario', positions, city } = options;
  const validate = validator();
  const place = (i: Omit<ScenarioIssue, 'line' | 'column'> & { onKey?: boolean }): ScenarioIssue => {
    const { onKey, ...rest } = i;
    return { ...rest, ...locate(positions, i.pointer, onKey === true) };
  };
  if (!validate(value)) {
    const defs = SCENARIO_SCHEMA.$defs as unknown as Record<string, Record<string, unknown>>;
    const issues = ajvIssues(validate.errors ?? [], defs).map(place).sort((a, b) => a.line - b.line || a.column - b.column);
    throw new ScenarioValidationError(file, issues);
  }
  const scenario = value as Scenario;
  const semantic = [...semanticIssues(scenario), ...workIssues(scenario), ...(city ? cityIssues(scenario, city) : [])].map((i) => place(i));
  if (semantic.length) throw new ScenarioValidationError(file, semantic.sort((a, b) => a.line - b.line || a.column - b.column));
  return scenario;
}

/** Parses and validates scenario JSON text; syntax errors name the file, line and column too. */
export function parseScenarioText(text: string, file = 'scenario', city?: CityIndex): Scenario {
  let positions: JsonPositions;
  try {
    positions = jsonPositions(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    throw new ScenarioValidationError(file, [{ pointer: '', ...err.position, expected: `valid JSON: ${err.expected}` }]);
  }
  return validateScenarioValue(JSON.parse(text), { file, positions, city });
}
