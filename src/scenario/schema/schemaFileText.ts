import { SCENARIO_SCHEMA } from './scenarioSchema';

/** The text of scenarios/scenario.schema.json: SCENARIO_SCHEMA, 2-space JSON, final newline. */
export function schemaFileText(): string {
  return `${JSON.stringify(SCENARIO_SCHEMA, null, 2)}\n`;
}
