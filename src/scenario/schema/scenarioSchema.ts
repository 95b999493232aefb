import { KPI_IDS } from '../kpi/kpiCatalog';
import { COMMON_DEFS } from './commonDefs';
import { EVENT_DEFS } from './eventDefs';
import { INTERVENTION_DEFS } from './interventionDefs';
import { MODEL_DEFS } from './modelDefs';
import { PLANNING_DEFS } from './planningDefs';

/** Where the generated schema file lives, relative to the repository root (see `scenario schema`). */
export const SCENARIO_SCHEMA_FILE = 'scenarios/scenario.schema.json';

/**
 * The JSON Schema (2020-12) of a scenario file: THE source of truth. The TypeScript type
 * (`Scenario`, via FromSchema) is derived from this literal, and scenarios/scenario.schema.json is
 * generated from it (`npm run -s cli -- scenario schema --write`; a test fails when they differ).
 */
export const SCENARIO_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://rongcheng-twin.example/scenario.schema.json',
  title: 'Rongcheng Twin what-if scenario',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'city', 'start', 'durationS', 'events', 'interventions', 'variants', 'kpis'],
  properties: {
    $schema: { type: 'string' },
    id: { $ref: '#/$defs/slug' },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    city: { $ref: '#/$defs/slug', description: 'The city package the scenario runs on: a folder under tilesets/ ("demo" is the generated demo city).' },
    start: {
      type: 'string', description: 'ISO 8601 date-time with a UTC offset, e.g. 2026-07-12T14:00:00+08:00',
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
    },
    durationS: { type: 'number', exclusiveMinimum: 0, maximum: 31_536_000, description: 'Simulated duration (s).' },
    outputIntervalS: { type: 'number', exclusiveMinimum: 0, description: 'Time between timeline frames (s); default durationS / 12.' },
    region: {
      type: 'object', additionalProperties: false, required: ['bboxLonLat'],
      description: 'The area the grid models (flood, plume) cover.',
      properties: { bboxLonLat: { $ref: '#/$defs/bboxLonLat' } },
    },
    camera: { $ref: '#/$defs/camera' },
    site: { $ref: '#/$defs/site' },
    models: { $ref: '#/$defs/models' },
    events: { type: 'array', items: { $ref: '#/$defs/event' } },
    interventions: { type: 'array', items: { $ref: '#/$defs/intervention' } },
    variants: { type: 'array', items: { $ref: '#/$defs/variant' } },
    kpis: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: KPI_IDS } },
  },
  $defs: {
    ...COMMON_DEFS,
    ...EVENT_DEFS,
    ...INTERVENTION_DEFS,
    ...MODEL_DEFS,
    ...PLANNING_DEFS,
    variant: {
      type: 'object', additionalProperties: false, required: ['name', 'title'],
      description: 'A named alternative: the baseline with events/interventions removed (by id) or added, and settings overridden.',
      properties: {
        name: { $ref: '#/$defs/slug' },
        title: { type: 'string', minLength: 1 },
        description: { type: 'string' },
        removeEvents: { type: 'array', items: { type: 'string' } },
        addEvents: { type: 'array', items: { $ref: '#/$defs/event' } },
        removeInterventions: { type: 'array', items: { type: 'string' } },
        addInterventions: { type: 'array', items: { $ref: '#/$defs/intervention' } },
        models: { $ref: '#/$defs/models' },
      },
    },
  },
} as const;
