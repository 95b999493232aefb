import { UNIT_KINDS } from '../../dispatch/Fleet';
import { SENSOR_KINDS } from '../../signs/schema/sensorKinds';
import { PACKAGE_DEFS } from './packageDefs';

const point = { lonDeg: { $ref: '#/$defs/lonDeg' }, latDeg: { $ref: '#/$defs/latDeg' } } as const;
const nullableId = { oneOf: [{ $ref: '#/$defs/id' }, { type: 'null' }] } as const;

/** Schema of `sensors.json`: the city's sensor registry (what the feed simulates and the display reads). */
export const SENSORS_FILE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://rongcheng-twin.example/city-sensors.schema.json',
  title: 'Rongcheng Twin city package: sensors.json',
  type: 'object', additionalProperties: false, required: ['synthetic', 'sensors'],
  properties: {
    $schema: { type: 'string' },
    synthetic: { type: 'boolean', description: 'True when the sensors were placed by the simulator rules, not read from a registry.' },
    rules: { type: 'string', description: 'How synthetic sensors were placed.' },
    sensors: {
      type: 'array', maxItems: 200_000,
      items: {
        type: 'object', additionalProperties: false,
        required: ['id', 'kind', 'lonDeg', 'latDeg', 'unit', 'topic', 'unitId', 'label', 'labelPinyin', 'nominal', 'buildingId', 'roadId'],
        properties: {
          id: { $ref: '#/$defs/id' },
          kind: { enum: SENSOR_KINDS },
          ...point,
          unit: { type: 'string', minLength: 1, description: 'Unit of measure of its readings (the kind\'s wire unit, e.g. m, mm/h).' },
          topic: { type: 'string', pattern: '^city/[^/#+]+/[^/#+]+/[^/#+]+/[^/#+]+$', description: 'MQTT topic: city/<cityName>/<districtId>/<kind>/<sensorId>.' },
          unitId: { $ref: '#/$defs/id', description: 'The finest spatial unit it lies in.' },
          label: { type: 'string' },
          labelPinyin: { type: 'string' },
          nominal: { type: 'number', description: "Typical value in the kind's unit." },
          buildingId: nullableId,
          roadId: nullableId,
        },
      },
    },
  },
  $defs: PACKAGE_DEFS,
} as const;

/** Schema of `resources.json`: stations and their vehicles, hospitals with beds, shelters with capacity. */
export const RESOURCES_FILE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://rongcheng-twin.example/city-resources.schema.json',
  title: 'Rongcheng Twin city package: resources.json',
  type: 'object', additionalProperties: false, required: ['stations', 'vehicles', 'hospitals', 'shelters'],
  properties: {
    $schema: { type: 'string' },
    stations: {
      type: 'array', maxItems: 100_000,
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'name', 'kind', 'lonDeg', 'latDeg', 'buildingId'],
        properties: {
          id: { $ref: '#/$defs/id' }, name: { type: 'string' },
          kind: { enum: ['fire_station', 'hospital', 'police', 'ambulance_station'] }, ...point, buildingId: nullableId,
          source: { type: 'string', description: 'Where it came from, e.g. osm:node/4724343819.' },
        },
      },
    },
    vehicles: {
      type: 'array', maxItems: 500_000,
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'kind', 'stationId', 'capabilities'],
        properties: {
          id: { $ref: '#/$defs/id' }, kind: { enum: UNIT_KINDS }, stationId: { $ref: '#/$defs/id' },
          capabilities: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 }, description: 'What it can do, e.g. firefighting, rescue, medical, policing.' },
          synthetic: { type: 'boolean', description: 'True when the vehicle was placed by the default fleet rule, not read.' },
        },
      },
    },
    hospitals: {
      type: 'array', maxItems: 100_000,
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'name', 'lonDeg', 'latDeg', 'beds', 'buildingId'],
        properties: {
          id: { $ref: '#/$defs/id' }, name: { type: 'string' }, ...point, beds: { $ref: '#/$defs/count' }, buildingId: nullableId,
          bedsEstimated: { type: 'boolean', description: 'True when beds were estimated (from floor area or a default), not read.' },
          source: { type: 'string' },
        },
      },
    },
    shelters: {
      type: 'array', maxItems: 100_000,
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'name', 'lonDeg', 'latDeg', 'capacityPeople', 'buildingId'],
        properties: {
          id: { $ref: '#/$defs/id' }, name: { type: 'string' }, ...point, capacityPeople: { $ref: '#/$defs/count' }, buildingId: nullableId,
          capacityEstimated: { type: 'boolean', description: 'True when the capacity was estimated (from floor area or a default), not read.' },
          source: { type: 'string' },
        },
      },
    },
  },
  $defs: PACKAGE_DEFS,
} as const;

/** Schema of `addresses.json`: the standard-address registry (one address, many entities). */
export const ADDRESSES_FILE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://rongcheng-twin.example/city-addresses.schema.json',
  title: 'Rongcheng Twin city package: addresses.json',
  type: 'object', additionalProperties: false, required: ['addresses'],
  properties: {
    $schema: { type: 'string' },
    addresses: {
      type: 'array', maxItems: 5_000_000,
      items: {
        type: 'object', additionalProperties: false, required: ['id', 'address', 'addressPinyin', 'lonDeg', 'latDeg', 'buildingId'],
        properties: {
          id: { $ref: '#/$defs/id' }, address: { type: 'string', minLength: 1 }, addressPinyin: { type: 'string' }, ...point, buildingId: nullableId,
        },
      },
    },
  },
  $defs: PACKAGE_DEFS,
} as const;
