import type { FromSchema } from '../../schema/FromSchema';
import type { CITY_PACKAGE_SCHEMA } from './cityPackageSchema';
import type { ADDRESSES_FILE_SCHEMA, RESOURCES_FILE_SCHEMA, SENSORS_FILE_SCHEMA } from './partSchemas';

/** `city.json` as validated: derived from CITY_PACKAGE_SCHEMA, never written by hand. */
export type CityManifest = FromSchema<typeof CITY_PACKAGE_SCHEMA>;
/** A part of a package (buildings, terrain, roads, ...). */
export type CityPartName = FromSchema<(typeof CITY_PACKAGE_SCHEMA)['$defs']['partName']>;
/** One tier of the spatial units under the city. */
export type CityTier = NonNullable<CityManifest['units']>['tiers'][number];
/** Where the package came from and what was synthesised. */
export type CityProvenance = CityManifest['provenance'];

/** `sensors.json`. */
export type SensorsFile = FromSchema<typeof SENSORS_FILE_SCHEMA>;
export type SensorRecord = SensorsFile['sensors'][number];

/** `resources.json`. */
export type ResourcesFile = FromSchema<typeof RESOURCES_FILE_SCHEMA>;
export type StationRecord = ResourcesFile['stations'][number];
export type VehicleRecord = ResourcesFile['vehicles'][number];
export type HospitalRecord = ResourcesFile['hospitals'][number];
export type ShelterRecord = ResourcesFile['shelters'][number];

/** `addresses.json`. */
export type AddressesFile = FromSchema<typeof ADDRESSES_FILE_SCHEMA>;
export type AddressRecord = AddressesFile['addresses'][number];
