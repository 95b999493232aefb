/**
 * Scenario interventions: what planners do about the events (JSON Schema 2020-12 `$defs`). Same
 * shape rules as events: an `id` for variants to target and a `kind` selecting the shape.
 */
export const INTERVENTION_DEFS = {
  intervention: {
    type: 'object', required: ['kind'],
    discriminator: { propertyName: 'kind' },
    oneOf: [
      { $ref: '#/$defs/openShelter' }, { $ref: '#/$defs/addStation' }, { $ref: '#/$defs/closeCommunity' },
      { $ref: '#/$defs/reduceContacts' }, { $ref: '#/$defs/rerouteTraffic' }, { $ref: '#/$defs/upgradeDrainage' },
      { $ref: '#/$defs/isolateLeak' }, { $ref: '#/$defs/proposeBuilding' }, { $ref: '#/$defs/clearBuildings' },
    ],
  },
  openShelter: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'name', 'lonDeg', 'latDeg', 'capacity'],
    description: 'A shelter evacuees walk to, with a number of places.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'openShelter' },
      name: { type: 'string', minLength: 1 },
      lonDeg: { $ref: '#/$defs/lonDeg' },
      latDeg: { $ref: '#/$defs/latDeg' },
      capacity: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    },
  },
  addStation: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'name', 'lonDeg', 'latDeg', 'fleet'],
    description: 'A (temporary) station with units, e.g. a forward fire post.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'addStation' },
      name: { type: 'string', minLength: 1 },
      lonDeg: { $ref: '#/$defs/lonDeg' },
      latDeg: { $ref: '#/$defs/latDeg' },
      fleet: { $ref: '#/$defs/fleet' },
    },
  },
  closeCommunity: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'communityIds', 'fromDay'],
    description: 'Lockdown: residents stay in their community, nobody commutes in, contacts inside drop to contactFactor.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'closeCommunity' },
      communityIds: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string', minLength: 1 } },
      fromDay: { type: 'integer', minimum: 0, maximum: 3650 },
      toDay: { type: 'integer', minimum: 1, maximum: 3650 },
      contactFactor: { type: 'number', minimum: 0, maximum: 1 },
    },
  },
  reduceContacts: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'factor', 'fromDay'],
    description: 'Masks and distancing: a factor on the contact rate, everywhere or in some communities.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'reduceContacts' },
      factor: { type: 'number', minimum: 0, maximum: 1 },
      fromDay: { type: 'integer', minimum: 0, maximum: 3650 },
      toDay: { type: 'integer', minimum: 1, maximum: 3650 },
      communityIds: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string', minLength: 1 } },
    },
  },
  rerouteTraffic: {
    type: 'object', additionalProperties: false, required: ['id', 'kind'],
    anyOf: [{ required: ['corridorAt'] }, { required: ['corridorRoadIds'] }],
    description: 'Police divert general traffic off an emergency corridor: closures and crowd slowdowns there are lifted.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'rerouteTraffic' },
      corridorAt: { type: 'array', minItems: 1, maxItems: 1000, items: { $ref: '#/$defs/lonLat' } },
      corridorRoadIds: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string', minLength: 1 } },
    },
  },
  upgradeDrainage: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'extraMmPerHour'],
    description: 'More drainage capacity (pumps, larger pipes) over the flood region.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'upgradeDrainage' },
      extraMmPerHour: { type: 'number', exclusiveMinimum: 0, maximum: 500 },
    },
  },
  isolateLeak: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'eventId', 'atS'],
    description: 'The release of a chemicalLeak event is stopped (valve closed) at atS.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'isolateLeak' },
      eventId: { type: 'string', minLength: 1 },
      atS: { $ref: '#/$defs/timeS' },
    },
  },
} as const;
