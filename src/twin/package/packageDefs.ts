/**
 * Building blocks shared by the city package schemas (city.json and its part files), JSON Schema
 * 2020-12, referenced as `#/$defs/<name>`. Angles are degrees (WGS84), lengths meters.
 */
export const PACKAGE_DEFS = {
  slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$', description: 'Lower-case kebab-case name (the folder under tilesets/, used in URLs and topics).' },
  id: {
    type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}$',
    description: 'Identifier: letters, digits, "_", ".", ":", "/" or "-", starting with a letter or digit.',
  },
  path: {
    type: 'string', pattern: '^(?!/)(?!.*\\.\\.)[A-Za-z0-9_./-]+$',
    description: 'A file inside the package folder, relative to city.json (no "..", no leading "/").',
  },
  lonDeg: { type: 'number', minimum: -180, maximum: 180, description: 'Longitude (degrees, WGS84).' },
  latDeg: { type: 'number', minimum: -90, maximum: 90, description: 'Latitude (degrees, WGS84).' },
  count: { type: 'integer', minimum: 0 },
  bboxLonLat: {
    type: 'array',
    prefixItems: [{ $ref: '#/$defs/lonDeg' }, { $ref: '#/$defs/latDeg' }, { $ref: '#/$defs/lonDeg' }, { $ref: '#/$defs/latDeg' }],
    minItems: 4, items: false, description: '[westDeg, southDeg, eastDeg, northDeg].',
  },
  partName: {
    enum: ['buildings', 'terrain', 'roads', 'water', 'units', 'addresses', 'sensors', 'resources', 'pois'],
    description: 'A part of a city package.',
  },
  unitLevel: {
    enum: ['district', 'street', 'community', 'grid'],
    description: 'The slot of a tier in the hierarchy city > district > street > community > grid (a city names its own tiers).',
  },
} as const;
