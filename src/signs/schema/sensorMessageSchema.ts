import { SENSOR_KIND_LIST } from './sensorKinds';

/**
 * The sensor message as a JSON Schema (draft 2020-12), generated from the kind table so that
 * producers outside this code base (gateways, other brokers' bridges) can validate what they send.
 * The hand validator (validatePayload) is the runtime check; a test keeps the two in agreement.
 * The time window (now - 24 h .. now + 5 min) depends on the receiver's clock and is not expressed.
 */
export function sensorMessageSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://rongcheng-twin.example/schemas/sensor-message.json',
    title: 'Rongcheng Twin sensor reading',
    description: 'Published to city/<city>/<districtId>/<kind>/<sensorId>.',
    type: 'object',
    required: ['id', 'kind', 'timeMs', 'value', 'unit'],
    properties: {
      id: { type: 'string', minLength: 1 },
      kind: { enum: SENSOR_KIND_LIST.map((s) => s.kind) },
      timeMs: { type: 'number', description: 'Epoch time of the measurement, milliseconds.' },
      unit: { type: 'string' },
      value: {},
    },
    allOf: SENSOR_KIND_LIST.map((s) => ({
      if: { properties: { kind: { const: s.kind } }, required: ['kind'] },
      then: {
        properties: {
          unit: { const: s.unit },
          value: s.valueType === 'boolean'
            ? { anyOf: [{ type: 'boolean' }, { enum: [0, 1] }] }
            : { type: s.valueType === 'integer' ? 'integer' : 'number', minimum: s.min, maximum: s.max },
        },
      },
    })),
  };
}
