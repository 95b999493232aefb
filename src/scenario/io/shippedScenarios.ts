import type { Scenario } from '../schema/Scenario';
import { validateScenarioValue } from '../validate/validateScenario';

/** The scenario files under scenarios/, bundled by vite (the schema file excluded). */
const files = import.meta.glob<unknown>(['../../../scenarios/*.json', '!../../../scenarios/scenario.schema.json'], { eager: true, import: 'default' });

/**
 * The shipped scenarios, validated (schema and semantics; the browser has no city index at this
 * point, the CLI and the tests check names against the city), those of `city` only when given
 * (a scenario runs on the city package it names). Sorted by id. Throws ScenarioValidationError
 * naming the file of the first bad one.
 */
export function shippedScenarios(city?: string): Scenario[] {
  return Object.entries(files)
    .map(([path, json]) => validateScenarioValue(json, { file: path.replace('../../../', '') }))
    .filter((s) => city === undefined || s.city === city)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
