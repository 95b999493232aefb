import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { KPI_IDS, type KpiId } from '../../../src/scenario/kpi/kpiCatalog';
import type { EventOf, Fleet, LonLatDeg, Scenario, ScenarioEvent, ScenarioIntervention } from '../../../src/scenario/schema/Scenario';
import { SCENARIO_SCHEMA, SCENARIO_SCHEMA_FILE } from '../../../src/scenario/schema/scenarioSchema';
import { schemaFileText } from '../../../src/scenario/schema/schemaFileText';

const root = join(import.meta.dirname, '../../..');

/** Every `$ref` in a schema tree. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) { if (k === '$ref') out.push(v as string); else refs(v, out); }
  }
  return out;
}

describe('SCENARIO_SCHEMA', () => {
  it('is the checked-in scenarios/scenario.schema.json byte for byte (regenerate: npm run -s cli -- scenario schema --write)', () => {
    expect(readFileSync(join(root, SCENARIO_SCHEMA_FILE), 'utf8')).toBe(schemaFileText());
  });

  it('compiles under ajv 2020 in strict mode, and every $ref resolves', () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, discriminator: true });
    expect(() => ajv.compile(SCENARIO_SCHEMA as unknown as object)).not.toThrow();
    const defs = Object.keys(SCENARIO_SCHEMA.$defs);
    for (const r of refs(SCENARIO_SCHEMA)) expect(defs).toContain(r.replace('#/$defs/', ''));
  });

  it('lists every required property among the properties of its object', () => {
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) { node.forEach((n, k) => walk(n, `${at}/${k}`)); return; }
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (Array.isArray(o.required) && o.properties) for (const r of o.required) expect(Object.keys(o.properties), `${at} requires ${r}`).toContain(r);
      for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
    };
    walk(SCENARIO_SCHEMA, '');
  });

  it('takes its KPI enum from the KPI catalogue', () => {
    expect(SCENARIO_SCHEMA.properties.kpis.items.enum).toEqual(KPI_IDS);
  });

  it('derives the Scenario type (checked by tsc: a mismatch fails npm run typecheck)', () => {
    expectTypeOf<Scenario['city']>().toEqualTypeOf<string>();
    expectTypeOf<Scenario['kpis'][number]>().toEqualTypeOf<KpiId>();
    expectTypeOf<Scenario['durationS']>().toEqualTypeOf<number>();
    expectTypeOf<Scenario['description']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ScenarioEvent['kind']>().toEqualTypeOf<'rainfall' | 'incident' | 'chemicalLeak' | 'roadClosure' | 'crowd' | 'outbreak' | 'sensorOverride'>();
    expectTypeOf<ScenarioIntervention['kind']>().toEqualTypeOf<'openShelter' | 'addStation' | 'closeCommunity' | 'reduceContacts' | 'rerouteTraffic' | 'upgradeDrainage' | 'isolateLeak' | 'proposeBuilding' | 'clearBuildings'>();
    expectTypeOf<EventOf<'rainfall'>['series'][number]>().toEqualTypeOf<{ readonly atS: number; readonly mmPerHour: number }>();
    expectTypeOf<EventOf<'chemicalLeak'>['durationS']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<LonLatDeg>().toEqualTypeOf<readonly [number, number]>();
    expectTypeOf<Fleet['fireEngine']>().toEqualTypeOf<number | undefined>();
    // The type follows the schema: every property the schema names is a key of the type.
    const top: Array<keyof Scenario> = Object.keys(SCENARIO_SCHEMA.properties) as Array<keyof typeof SCENARIO_SCHEMA.properties>;
    expect(top).toContain('variants');
  });
});
