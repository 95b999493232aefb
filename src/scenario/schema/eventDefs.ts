/**
 * Scenario events: what happens to the city (JSON Schema 2020-12 `$defs`). Every event has an `id`
 * (variants remove or replace events by id) and a `kind` that selects its shape.
 */
export const EVENT_DEFS = {
  event: {
    type: 'object', required: ['kind'],
    discriminator: { propertyName: 'kind' },
    oneOf: [
      { $ref: '#/$defs/rainfallEvent' }, { $ref: '#/$defs/incidentEvent' }, { $ref: '#/$defs/chemicalLeakEvent' },
      { $ref: '#/$defs/roadClosureEvent' }, { $ref: '#/$defs/crowdEvent' }, { $ref: '#/$defs/outbreakEvent' },
      { $ref: '#/$defs/sensorOverrideEvent' },
    ],
  },
  rainfallEvent: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'series'],
    description: 'Rain over the scenario region: each intensity holds from its time until the next.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'rainfall' },
      note: { type: 'string' },
      series: {
        type: 'array', minItems: 1, maxItems: 1000,
        items: {
          type: 'object', additionalProperties: false, required: ['atS', 'mmPerHour'],
          properties: { atS: { $ref: '#/$defs/timeS' }, mmPerHour: { type: 'number', minimum: 0, maximum: 500 } },
        },
      },
    },
  },
  incidentEvent: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'incidentKind', 'lonDeg', 'latDeg', 'atS', 'requirements'],
    description: 'An emergency at a place that needs units (e.g. a fire: 3 engines, 1 ladder truck, 1 ambulance).',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'incident' },
      incidentKind: { enum: ['fire', 'medical', 'traffic', 'hazmat', 'rescue'] },
      lonDeg: { $ref: '#/$defs/lonDeg' },
      latDeg: { $ref: '#/$defs/latDeg' },
      atS: { $ref: '#/$defs/timeS' },
      requirements: { $ref: '#/$defs/fleet' },
      note: { type: 'string' },
    },
  },
  chemicalLeakEvent: {
    type: 'object', additionalProperties: false,
    required: ['id', 'kind', 'chemical', 'lonDeg', 'latDeg', 'atS', 'rateKgPerS', 'thresholdMgPerM3', 'wind'],
    description: 'A gas release at a point; the evacuation zone is where the concentration ever reaches the threshold.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'chemicalLeak' },
      chemical: { type: 'string', minLength: 1 },
      lonDeg: { $ref: '#/$defs/lonDeg' },
      latDeg: { $ref: '#/$defs/latDeg' },
      atS: { $ref: '#/$defs/timeS' },
      rateKgPerS: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
      durationS: { type: 'number', exclusiveMinimum: 0, description: 'Release length (s); omitted: until the end or an isolateLeak intervention.' },
      thresholdMgPerM3: { type: 'number', exclusiveMinimum: 0, description: 'Evacuation level (e.g. chlorine AEGL-2 60 min: 5.8 mg/m³).' },
      wind: {
        type: 'array', minItems: 1, maxItems: 1000,
        items: {
          type: 'object', additionalProperties: false, required: ['atS', 'speedMps', 'fromDeg'],
          properties: {
            atS: { $ref: '#/$defs/timeS' },
            speedMps: { type: 'number', minimum: 0, maximum: 60 },
            fromDeg: { type: 'number', minimum: -360, maximum: 720, description: 'Direction the wind blows from (clockwise from north).' },
          },
        },
      },
    },
  },
  roadClosureEvent: {
    type: 'object', additionalProperties: false, required: ['id', 'kind'],
    anyOf: [{ required: ['at'] }, { required: ['roadIds'] }],
    description: 'Closes the road segment nearest each point of `at` and/or whole roads by id, from fromS until toS.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'roadClosure' },
      at: { type: 'array', minItems: 1, maxItems: 1000, items: { $ref: '#/$defs/lonLat' } },
      roadIds: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string', minLength: 1 } },
      fromS: { $ref: '#/$defs/timeS' },
      toS: { $ref: '#/$defs/timeS' },
      reason: { type: 'string' },
    },
  },
  crowdEvent: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'lonDeg', 'latDeg', 'people', 'radiusM', 'fromS', 'toS'],
    description: 'A crowd at a venue: roads within radiusM slow down by slowdownFactor while it lasts.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'crowd' },
      lonDeg: { $ref: '#/$defs/lonDeg' },
      latDeg: { $ref: '#/$defs/latDeg' },
      people: { type: 'integer', minimum: 1, maximum: 1_000_000 },
      radiusM: { type: 'number', exclusiveMinimum: 0, maximum: 5000 },
      fromS: { $ref: '#/$defs/timeS' },
      toS: { $ref: '#/$defs/timeS' },
      slowdownFactor: { type: 'number', minimum: 1, maximum: 20, description: 'Factor on travel times near the venue (default 2.5).' },
    },
  },
  outbreakEvent: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'communityId', 'infectious'],
    description: 'People already infectious at the start, spread over the grid cells of one community.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'outbreak' },
      communityId: { type: 'string', minLength: 1 },
      infectious: { type: 'integer', minimum: 1, maximum: 100_000 },
    },
  },
  sensorOverrideEvent: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'sensorId', 'series'],
    description: 'Replaces a sensor\'s readings (in its kind\'s unit) from each time on; the early-warning rules run on them.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'sensorOverride' },
      sensorId: { type: 'string', minLength: 1 },
      series: {
        type: 'array', minItems: 1, maxItems: 10_000,
        items: {
          type: 'object', additionalProperties: false, required: ['atS', 'value'],
          properties: { atS: { $ref: '#/$defs/timeS' }, value: { type: 'number' } },
        },
      },
    },
  },
} as const;
