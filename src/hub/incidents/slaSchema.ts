import { UNIT_KINDS } from '../../dispatch/Fleet';
import { DISPATCH_LIMITS } from '../../dispatch/DispatchScenario';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES } from './Incident';

/** The SLA stages: the time allowed in each status before the next step is due. */
export const SLA_STAGES = ['triage', 'dispatch', 'on_scene', 'resolve'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

/** A week: the longest any stage may be given (minutes). */
export const MAX_STAGE_MINUTES = 10_080;

const minutes = { type: 'number', exclusiveMinimum: 0, maximum: MAX_STAGE_MINUTES, description: 'minutes' };
const stageSet = {
  type: 'object', additionalProperties: false, required: [...SLA_STAGES],
  properties: Object.fromEntries(SLA_STAGES.map((s) => [s, minutes])),
};
const bySeverity = (item: object, required: readonly string[]) => ({
  type: 'object', additionalProperties: false, required: [...required],
  properties: Object.fromEntries(INCIDENT_SEVERITIES.map((s) => [s, item])),
});
const count = { type: 'integer', minimum: 0, maximum: DISPATCH_LIMITS.unitsPerKind };
const units = { type: 'object', additionalProperties: false, properties: Object.fromEntries(UNIT_KINDS.map((k) => [k, count])) };
/** `default` gives every severity, a type only those it changes. */
const byType = (item: object) => ({
  type: 'object', additionalProperties: false, required: ['default'],
  properties: { default: bySeverity(item, INCIDENT_SEVERITIES), ...Object.fromEntries(INCIDENT_TYPES.map((t) => [t, bySeverity(item, [])])) },
});

/**
 * JSON Schema of `config/incidents/sla.json`: per incident type (or `default`) and severity, the
 * minutes each stage may take (`stages`), and the vehicles a dispatch proposal asks for
 * (`requirements`). `default` must give every severity; a type may give only the severities it
 * changes (the rest come from `default`).
 */
export const SLA_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $defs: {},
  type: 'object', additionalProperties: false, required: ['version', 'stages', 'requirements'],
  properties: {
    version: { const: 1 },
    description: { type: 'string' },
    stages: byType(stageSet),
    requirements: byType(units),
  },
};
