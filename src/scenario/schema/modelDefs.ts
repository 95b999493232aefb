/**
 * Per-model settings of a scenario (JSON Schema 2020-12 `$defs`): grid sizes, physics, speeds.
 * Every field has a default (see src/scenario/models), so a scenario writes only what it changes,
 * and a variant may override any of them.
 */
export const MODEL_DEFS = {
  models: {
    type: 'object', additionalProperties: false,
    properties: {
      flood: { $ref: '#/$defs/floodSettings' },
      plume: { $ref: '#/$defs/plumeSettings' },
      evacuation: { $ref: '#/$defs/evacuationSettings' },
      epidemic: { $ref: '#/$defs/epidemicSettings' },
      traffic: { $ref: '#/$defs/trafficSettings' },
      dispatch: { $ref: '#/$defs/dispatchSettings' },
    },
  },
  floodSettings: {
    type: 'object', additionalProperties: false,
    properties: {
      cellSizeM: { type: 'number', minimum: 2, maximum: 50, description: 'Grid cell size (m); default 10.' },
      manningN: { type: 'number', exclusiveMinimum: 0, maximum: 0.5, description: 'Manning roughness (s/m^(1/3)); default 0.03.' },
      drainageMmPerHour: { type: 'number', minimum: 0, maximum: 500, description: 'Drainage capacity before interventions (mm/h); default 20.' },
      floodedAreaM: { type: 'number', minimum: 0, maximum: 10, description: 'Depth counted as flooded area (m); default 0.05.' },
      buildingM: { type: 'number', minimum: 0, maximum: 10, description: 'Depth at a building that floods it (m); default 0.15.' },
      roadM: { type: 'number', minimum: 0, maximum: 10, description: 'Depth that makes a road impassable (m); default 0.3.' },
      workers: { type: 'integer', minimum: 1, maximum: 64, description: 'Solver threads (band-parallel); default 1.' },
    },
  },
  plumeSettings: {
    type: 'object', additionalProperties: false,
    properties: {
      cellSizeM: { type: 'number', minimum: 5, maximum: 200, description: 'Grid cell size (m); default 20.' },
      diffusivityM2PerS: { type: 'number', minimum: 0, maximum: 500, description: 'Eddy diffusivity (m²/s); default 20.' },
      mixingHeightM: { type: 'number', exclusiveMinimum: 0, maximum: 2000, description: 'Mixing layer depth (m); default 50.' },
      decayPerS: { type: 'number', minimum: 0, maximum: 1, description: 'First-order loss (1/s); default 0.' },
    },
  },
  evacuationSettings: {
    type: 'object', additionalProperties: false,
    properties: {
      walkSpeedMps: { type: 'number', minimum: 0.2, maximum: 3, description: 'Walking speed (m/s); default 1.2.' },
      warningDelayS: { type: 'number', minimum: 0, maximum: 86400, description: 'From the leak to the order to leave (s); default 300.' },
      departureSpreadS: { type: 'number', minimum: 0, maximum: 86400, description: 'People leave spread over this long after the order (s); default 900.' },
      mode: { enum: ['walk', 'drive'], description: 'On foot both ways along roads, or by car obeying one-way rules; default walk.' },
      assignment: { enum: ['greedy', 'minCost'], description: 'Shelter assignment: nearest first, or least total travel time; default minCost.' },
    },
  },
  epidemicSettings: {
    type: 'object', additionalProperties: false,
    properties: {
      betaPerDay: { type: 'number', minimum: 0, maximum: 20, description: 'Transmission rate (1/day); default 0.5.' },
      latentPeriodDays: { type: 'number', exclusiveMinimum: 0, maximum: 60, description: 'Default 3.' },
      infectiousPeriodDays: { type: 'number', exclusiveMinimum: 0, maximum: 60, description: 'Default 5.' },
      awayFraction: { type: 'number', minimum: 0, maximum: 1, description: 'Share of contact time spent in other cells; default 0.3.' },
      stepsPerDay: { type: 'integer', minimum: 1, maximum: 100, description: 'Integration sub-steps per day; default 4.' },
      mode: { enum: ['deterministic', 'stochastic'] },
      seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
    },
  },
  trafficSettings: {
    type: 'object', additionalProperties: false,
    properties: {
      probeAtS: { $ref: '#/$defs/timeS', description: 'Time the probe trips leave (closures and crowds then in force); default mid-run.' },
      probeTrips: {
        type: 'array', minItems: 1, maxItems: 200,
        items: {
          type: 'object', additionalProperties: false, required: ['name', 'from', 'to'],
          properties: { name: { type: 'string', minLength: 1 }, from: { $ref: '#/$defs/lonLat' }, to: { $ref: '#/$defs/lonLat' } },
        },
      },
    },
  },
  dispatchSettings: {
    type: 'object', additionalProperties: false,
    description: 'Units at the city\'s own stations (buildings of use fire_station, hospital, police).',
    properties: {
      fireStationFleet: { $ref: '#/$defs/fleet' },
      hospitalFleet: { $ref: '#/$defs/fleet' },
      policeFleet: { $ref: '#/$defs/fleet' },
      turnoutS: { type: 'number', minimum: 0, maximum: 3600, description: 'From the call to a unit leaving its station (s); default 60.' },
      objective: { enum: ['total', 'worst'], description: 'Minimise the sum of ETAs, or the longest one; default total.' },
    },
  },
} as const;
