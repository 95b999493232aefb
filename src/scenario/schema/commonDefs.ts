/**
 * Building blocks of the scenario schema shared by events, interventions and settings (JSON Schema
 * 2020-12, referenced as `#/$defs/<name>`). Angles are degrees, times seconds since the start.
 */
export const COMMON_DEFS = {
  id: {
    type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$',
    description: 'Identifier: letters, digits, "_", "." or "-", starting with a letter or digit.',
  },
  slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'Lower-case kebab-case name (used in URLs).' },
  lonDeg: { type: 'number', minimum: -180, maximum: 180, description: 'Longitude (degrees, WGS84).' },
  latDeg: { type: 'number', minimum: -90, maximum: 90, description: 'Latitude (degrees, WGS84).' },
  timeS: { type: 'number', minimum: 0, maximum: 31_536_000, description: 'Time since the scenario start (s).' },
  lonLat: {
    type: 'array', prefixItems: [{ $ref: '#/$defs/lonDeg' }, { $ref: '#/$defs/latDeg' }], minItems: 2, items: false,
    description: '[lonDeg, latDeg].',
  },
  bboxLonLat: {
    type: 'array',
    prefixItems: [{ $ref: '#/$defs/lonDeg' }, { $ref: '#/$defs/latDeg' }, { $ref: '#/$defs/lonDeg' }, { $ref: '#/$defs/latDeg' }],
    minItems: 4, items: false, description: '[westDeg, southDeg, eastDeg, northDeg].',
  },
  fleet: {
    type: 'object', additionalProperties: false, minProperties: 1,
    description: 'Emergency units by kind (counts): the unit kinds of src/dispatch.',
    properties: {
      fireEngine: { type: 'integer', minimum: 0, maximum: 50 },
      ambulance: { type: 'integer', minimum: 0, maximum: 50 },
      policeCar: { type: 'integer', minimum: 0, maximum: 50 },
    },
  },
  camera: {
    type: 'object', additionalProperties: false, required: ['lonDeg', 'latDeg', 'heightM', 'headingDeg', 'pitchDeg'],
    description: 'A camera: position (height above the ellipsoid, m), heading clockwise from north and pitch (degrees, -90 = straight down).',
    properties: {
      lonDeg: { $ref: '#/$defs/lonDeg' },
      latDeg: { $ref: '#/$defs/latDeg' },
      heightM: { type: 'number', minimum: 1, maximum: 10_000_000 },
      headingDeg: { type: 'number', minimum: -360, maximum: 360 },
      pitchDeg: { type: 'number', minimum: -90, maximum: 90 },
    },
  },
} as const;
