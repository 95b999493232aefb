import { BUILDING_USES } from '../../twin/BuildingUse';
import { SUNLIGHT_STANDARD_IDS } from '../../analysis/sunlight/sunlightStandard';

/**
 * Massing studies (JSON Schema 2020-12 `$defs`): the planning site a scenario is about, buildings
 * proposed on it and existing buildings cleared from it. The `planning` module measures what they
 * change around the site (people, sunlight of neighbouring homes, skyline, view corridors).
 */
export const PLANNING_DEFS = {
  ring: {
    type: 'array', minItems: 3, maxItems: 1000, items: { $ref: '#/$defs/lonLat' },
    description: 'A polygon ring of [lonDeg, latDeg] (closed or not).',
  },
  site: {
    type: 'object', additionalProperties: false, required: ['polygon'],
    description: 'The planning site: the planning module runs in the baseline and every variant and measures around it.',
    properties: {
      name: { type: 'string' },
      polygon: { $ref: '#/$defs/ring' },
      sunlight: {
        type: 'object', additionalProperties: false,
        description: 'Sunlight hours of the residential buildings around the site (src/analysis).',
        properties: {
          standard: { enum: SUNLIGHT_STANDARD_IDS, description: 'GB 50180 standard; default dahan (大寒 >= 2 h, 08:00-16:00 true solar time).' },
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Day studied (YYYY-MM-DD); default the standard\'s day in the year of the scenario start.' },
          radiusM: { type: 'number', minimum: 10, maximum: 1000, description: 'Residential buildings within this distance of the site are studied (m); default 200.' },
          spacingM: { type: 'number', minimum: 0.5, maximum: 50, description: 'Sample spacing along facades (m); default 5.' },
          stepMin: { type: 'number', minimum: 0.5, maximum: 30, description: 'Sun step (min); default 2.' },
        },
      },
      viewpoints: {
        type: 'array', maxItems: 20,
        items: {
          type: 'object', additionalProperties: false, required: ['id', 'lonDeg', 'latDeg'],
          description: 'A place people look from: its skyline is compared, and each target is a view corridor.',
          properties: {
            id: { $ref: '#/$defs/id' },
            name: { type: 'string' },
            lonDeg: { $ref: '#/$defs/lonDeg' },
            latDeg: { $ref: '#/$defs/latDeg' },
            eyeHeightM: { type: 'number', minimum: 0, maximum: 500, description: 'Eye above the surface (m); default 1.6.' },
            targets: {
              type: 'array', maxItems: 50,
              items: {
                type: 'object', additionalProperties: false, required: ['id', 'lonDeg', 'latDeg'],
                properties: {
                  id: { $ref: '#/$defs/id' },
                  lonDeg: { $ref: '#/$defs/lonDeg' },
                  latDeg: { $ref: '#/$defs/latDeg' },
                  heightM: { type: 'number', minimum: 0, maximum: 1000, description: 'Above the surface there (m); default 0.' },
                },
              },
            },
          },
        },
      },
    },
  },
  proposeBuilding: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'use'],
    allOf: [{ anyOf: [{ required: ['footprint'] }, { required: ['geometry'] }] }, { anyOf: [{ required: ['heightM'] }, { required: ['floors'] }] }],
    description: 'A proposed building (massing): a footprint (a ring, or a GeoJSON Polygon geometry) extruded to heightM or floors x floorHeightM.',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'proposeBuilding' },
      name: { type: 'string' },
      footprint: { $ref: '#/$defs/ring' },
      geometry: {
        type: 'object', additionalProperties: false, required: ['type', 'coordinates'],
        description: 'A GeoJSON Polygon (its outer ring is the footprint).',
        properties: { type: { const: 'Polygon' }, coordinates: { type: 'array', minItems: 1, items: { $ref: '#/$defs/ring' } } },
      },
      heightM: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
      floors: { type: 'integer', minimum: 1, maximum: 300 },
      floorHeightM: { type: 'number', minimum: 2, maximum: 10, description: 'Default 3 (m).' },
      use: { enum: BUILDING_USES },
      population: { type: 'integer', minimum: 0, maximum: 1_000_000, description: 'People present; default from floor area and use, as for the demo city.' },
    },
  },
  clearBuildings: {
    type: 'object', additionalProperties: false, required: ['id', 'kind', 'mode'],
    description: 'Existing buildings removed (demolished) or flattened to flattenToM: those listed by id and those whose centre is in the polygon (default: the site).',
    properties: {
      id: { $ref: '#/$defs/id' },
      kind: { const: 'clearBuildings' },
      mode: { enum: ['remove', 'flatten'] },
      polygon: { $ref: '#/$defs/ring' },
      buildingIds: { type: 'array', minItems: 1, maxItems: 10_000, items: { type: 'string', minLength: 1 } },
      flattenToM: { type: 'number', minimum: 0, maximum: 1000, description: 'Height a flattened building keeps (m); default 0 (levelled).' },
    },
  },
} as const;
