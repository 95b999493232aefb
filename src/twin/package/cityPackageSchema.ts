import { PACKAGE_DEFS } from './packageDefs';

/** Version of the package layout this code reads and writes (city.json `version`). */
export const CITY_PACKAGE_VERSION = 1;
/** Where the generated schema file lives, relative to the repository root (see `city schema`). */
export const CITY_PACKAGE_SCHEMA_FILE = 'config/cities/city.schema.json';

const file = { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { $ref: '#/$defs/path' } } } as const;

/**
 * The JSON Schema (2020-12) of a city package manifest, `tilesets/<city>/city.json`: THE source of
 * truth. The `CityManifest` type is derived from this literal (FromSchema) and
 * config/cities/city.schema.json is generated from it (`npm run -s cli -- city schema --write`; a
 * test fails when they differ). A part that is absent is one the city does not have.
 */
export const CITY_PACKAGE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://rongcheng-twin.example/city.schema.json',
  title: 'Rongcheng Twin city package manifest (city.json)',
  type: 'object',
  additionalProperties: false,
  required: ['format', 'version', 'name', 'title', 'origin', 'boundsLonLat', 'sourceCrs', 'revision', 'counts', 'buildings', 'terrain', 'units', 'provenance'],
  properties: {
    $schema: { type: 'string' },
    format: { const: 'rongcheng-city' },
    version: { const: CITY_PACKAGE_VERSION },
    name: { $ref: '#/$defs/slug' },
    title: { type: 'string', minLength: 1 },
    seed: { type: 'integer', description: 'Seed of a generated city (the demo); absent for imports.' },
    origin: {
      type: 'object', additionalProperties: false, required: ['lonDeg', 'latDeg'],
      description: "Origin of the city's local plane (east-north meters), where the data lives in plane meters.",
      properties: { lonDeg: { $ref: '#/$defs/lonDeg' }, latDeg: { $ref: '#/$defs/latDeg' } },
    },
    boundsLonLat: { $ref: '#/$defs/bboxLonLat', description: 'Extent of the modelled ground (the DEM).' },
    sourceCrs: { type: 'string', minLength: 1, description: 'CRS the main sources came in, e.g. EPSG:4326, EPSG:4544, GCJ-02.' },
    revision: { type: 'string', pattern: '^[0-9a-f]{16}$', description: 'Hash of the data files: changes whenever the data does (result caches key on it).' },
    counts: {
      type: 'object', additionalProperties: false,
      required: ['buildings', 'roads', 'units', 'population', 'sensors', 'stations', 'vehicles', 'hospitals', 'shelters', 'pois', 'addresses'],
      properties: {
        buildings: { $ref: '#/$defs/count' }, roads: { $ref: '#/$defs/count' }, units: { $ref: '#/$defs/count' }, population: { $ref: '#/$defs/count' },
        sensors: { $ref: '#/$defs/count' }, stations: { $ref: '#/$defs/count' }, vehicles: { $ref: '#/$defs/count' }, hospitals: { $ref: '#/$defs/count' },
        shelters: { $ref: '#/$defs/count' }, pois: { $ref: '#/$defs/count' }, addresses: { $ref: '#/$defs/count' },
      },
    },
    buildings: {
      type: 'object', additionalProperties: false, required: ['tileset', 'table'],
      properties: {
        tileset: { $ref: '#/$defs/path', description: '3D Tiles 1.1 tileset with per-building metadata.' },
        table: { $ref: '#/$defs/path', description: 'GeoJSON of every building: footprint and attributes (the attribute table).' },
      },
    },
    terrain: {
      type: 'object', additionalProperties: false, required: ['tileset', 'dem', 'heights', 'flat'],
      properties: {
        tileset: { $ref: '#/$defs/path' },
        dem: { $ref: '#/$defs/path', description: 'DEM header (JSON).' },
        heights: { $ref: '#/$defs/path', description: 'DEM heights, Float32 little-endian, row 0 south (m).' },
        flat: { type: 'boolean', description: 'True when no DEM was given and the ground is a flat 0 m grid.' },
      },
    },
    roads: {
      type: 'object', additionalProperties: false, required: ['lines'],
      properties: { lines: { $ref: '#/$defs/path', description: 'GeoJSON road centrelines.' }, network: { $ref: '#/$defs/path', description: 'Routable road graph (network.bin).' } },
    },
    water: { ...file, description: 'GeoJSON water polygons (rivers, lakes).' },
    units: {
      type: 'object', additionalProperties: false, required: ['file', 'rootId', 'tiers'],
      properties: {
        file: { $ref: '#/$defs/path', description: 'GeoJSON spatial units (root and every tier), properties id, level, name, namePinyin, parentId.' },
        rootId: { $ref: '#/$defs/id' },
        tiers: {
          type: 'array', minItems: 1, maxItems: 4, description: 'Tiers under the city, coarse to fine, in hierarchy order.',
          items: {
            type: 'object', additionalProperties: false, required: ['level', 'name', 'namePinyin', 'count'],
            properties: {
              level: { $ref: '#/$defs/unitLevel' },
              name: { type: 'string', minLength: 1, description: "The city's own name of the tier, e.g. 区, 街道, 网格." },
              namePinyin: { type: 'string', minLength: 1 },
              count: { $ref: '#/$defs/count' },
            },
          },
        },
      },
    },
    addresses: { ...file, description: 'The standard-address registry (addresses.json).' },
    sensors: { ...file, description: 'The sensor registry (sensors.json).' },
    resources: { ...file, description: 'Stations, vehicles, hospitals and shelters (resources.json).' },
    pois: { ...file, description: 'GeoJSON points of interest.' },
    provenance: {
      type: 'object', additionalProperties: false, required: ['generator', 'sources', 'derived'],
      properties: {
        generator: { type: 'string', minLength: 1, description: 'What wrote the package (command and version).' },
        createdAt: { type: 'string', description: 'ISO 8601 time of the import (absent for the demo, whose bytes depend on the seed only).' },
        config: { type: 'string', description: 'The import config file.' },
        sources: {
          type: 'array',
          items: {
            type: 'object', additionalProperties: false, required: ['part', 'file', 'format', 'licence'],
            properties: {
              part: { $ref: '#/$defs/partName' },
              file: { type: 'string', minLength: 1 },
              format: { type: 'string', minLength: 1 },
              crs: { type: 'string' },
              licence: { type: 'string', minLength: 1 },
              date: { type: 'string', description: 'Date of the source data (as its publisher gives it).' },
              features: { $ref: '#/$defs/count' },
            },
          },
        },
        derived: {
          type: 'array', description: 'Every part, or part of a part, that was synthesised rather than read, and how.',
          items: {
            type: 'object', additionalProperties: false, required: ['part', 'how'],
            properties: { part: { $ref: '#/$defs/partName' }, how: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
  },
  $defs: PACKAGE_DEFS,
} as const;
