import { PACKAGE_DEFS } from '../../twin/package/packageDefs';

/** Where the generated schema file lives, relative to the repository root (see `city schema`). */
export const IMPORT_CONFIG_SCHEMA_FILE = 'config/cities/city-import.schema.json';

/**
 * The JSON Schema (2020-12) of a city import config (`city import --config FILE`): THE source of
 * truth; the ImportConfig type is derived from it and config/cities/city-import.schema.json is
 * generated from it (a test fails when they differ). Relative paths resolve against `baseDir`
 * (itself relative to the config file; default the config file's folder).
 */
export const IMPORT_CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://rongcheng-twin.example/city-import.schema.json',
  title: 'Rongcheng Twin city import config',
  type: 'object', additionalProperties: false, required: ['name', 'title', 'buildings'],
  properties: {
    $schema: { type: 'string' },
    name: { $ref: '#/$defs/slug' },
    title: { type: 'string', minLength: 1 },
    baseDir: { type: 'string', description: 'Folder relative paths resolve against, relative to this file (default: its folder).' },
    crs: { type: 'string', description: 'CRS of sources that name none (default EPSG:4326): EPSG:4326, EPSG:4490, EPSG:4544 (CGCS2000 GK zones 4534-4554), EPSG:3857, GCJ02, BD09.' },
    licence: { type: 'string', description: 'Licence of the sources that name none, e.g. "ODbL 1.0 (OpenStreetMap contributors)".' },
    date: { type: 'string', description: 'Date of the sources that name none.' },
    origin: { $ref: '#/$defs/lonLat', description: "The local plane's origin; default the centre of the buildings." },
    buildings: {
      $ref: '#/$defs/source',
      description: 'Building footprints: GeoJSON, Shapefile, OSM XML/PBF. Roads, water and OSM amenities come from the same file when it is OSM.',
    },
    terrain: {
      type: 'object', additionalProperties: false, required: ['file'],
      properties: {
        file: { type: 'string', minLength: 1, description: 'GeoTIFF, SRTM .hgt or a .zip of one.' },
        crs: { type: 'string' }, cellSizeM: { type: 'number', exclusiveMinimum: 0 }, geoidOffsetM: { type: 'number' },
        licence: { type: 'string' }, date: { type: 'string' },
      },
    },
    roads: { $ref: '#/$defs/source', description: 'Road centrelines (default: the buildings file when it is OSM or GeoJSON with lines).' },
    water: { $ref: '#/$defs/source', description: 'Water polygons (default: natural=water / waterway=riverbank of the OSM file).' },
    units: {
      type: 'array', maxItems: 4, description: 'Spatial-unit tiers, coarse to fine (district > street > community > grid).',
      items: {
        type: 'object', additionalProperties: false, required: ['level', 'source'],
        properties: {
          level: { $ref: '#/$defs/unitLevel' },
          name: { type: 'string', minLength: 1, description: 'The tier\'s own name, e.g. 区.' },
          namePinyin: { type: 'string', minLength: 1 },
          source: { $ref: '#/$defs/source' },
          osmAdminLevel: { type: 'integer', minimum: 2, maximum: 11, description: 'For an OSM source: boundary=administrative relations of this admin_level.' },
          clipToExtent: { type: 'boolean', description: 'Clip the polygons to the extent of the buildings and roads (default true).' },
        },
      },
    },
    grid: {
      type: 'object', additionalProperties: false,
      properties: { cellSizeM: { type: 'number', minimum: 50, maximum: 5000, description: 'Derived grid cells when no grid tier is given (default 500 m).' } },
    },
    addresses: { $ref: '#/$defs/source', description: 'Address points: fields id, address, addressPinyin (each joined to the building it lies in).' },
    sensors: { $ref: '#/$defs/source', description: 'Sensor points: fields id, kind, nominal (default: synthetic sensors placed by the simulator rules).' },
    resources: {
      type: 'object', additionalProperties: false,
      description: 'Emergency resources. Absent: none (dispatch says so). "osm": true takes stations, hospitals and shelters from the OSM file.',
      properties: {
        osm: { type: 'boolean' },
        stations: { $ref: '#/$defs/source', description: 'Station points: fields id, name, kind (fire_station | hospital | police | ambulance_station).' },
        vehicles: { $ref: '#/$defs/source', description: 'A CSV or table of vehicles: fields id, kind, stationId, capabilities (";"-separated). Absent: the default vehicles per station, marked synthetic.' },
        hospitals: { $ref: '#/$defs/source', description: 'Hospital points: fields id, name, beds.' },
        shelters: { $ref: '#/$defs/source', description: 'Shelter points or polygons: fields id, name, capacity.' },
        defaultBeds: { type: 'integer', minimum: 1, description: 'Beds of a hospital whose source gives none and has no footprint (default 300).' },
        defaultShelterCapacity: { type: 'integer', minimum: 1, description: 'People a shelter point without capacity or footprint holds (default 500).' },
      },
    },
    pois: { $ref: '#/$defs/source', description: 'Points of interest: fields id, name, kind (default: OSM amenities of the OSM file).' },
  },
  $defs: {
    ...PACKAGE_DEFS,
    lonLat: { type: 'array', prefixItems: [{ $ref: '#/$defs/lonDeg' }, { $ref: '#/$defs/latDeg' }], minItems: 2, items: false },
    source: {
      type: 'object', additionalProperties: false, required: ['file'],
      description: 'One source file and how to read it.',
      properties: {
        file: { type: 'string', minLength: 1 },
        format: { enum: ['geojson', 'csv', 'shapefile', 'osm', 'geopackage'], description: 'Default from the extension.' },
        crs: { type: 'string', description: 'CRS of the coordinates (default: the file\'s own, else the config\'s crs).' },
        layer: { type: 'string', description: 'GeoPackage: the feature table.' },
        fields: {
          type: 'object', additionalProperties: { type: 'string', minLength: 1 },
          description: 'Package field -> source column/property, e.g. { "id": "code", "name": "NAME", "x": "easting", "y": "northing" }. CSV needs x and y (or lon and lat).',
        },
        where: {
          type: 'object', additionalProperties: { type: 'string' },
          description: 'Keep only rows/features whose property equals the value, e.g. { "type": "fire_station" }.',
        },
        licence: { type: 'string' },
        date: { type: 'string' },
      },
    },
  },
} as const;
