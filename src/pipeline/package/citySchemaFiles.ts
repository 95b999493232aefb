import { IMPORT_CONFIG_SCHEMA, IMPORT_CONFIG_SCHEMA_FILE } from '../cityImport/importConfigSchema';
import { CITY_PACKAGE_SCHEMA, CITY_PACKAGE_SCHEMA_FILE } from '../../twin/package/cityPackageSchema';
import { ADDRESSES_FILE_SCHEMA, RESOURCES_FILE_SCHEMA, SENSORS_FILE_SCHEMA } from '../../twin/package/partSchemas';

/**
 * The generated JSON Schema files of city packages and import configs (relative to the repository
 * root) and their text: 2-space JSON, final newline. `city schema --write` writes them; a test
 * fails when a checked-in file differs from its source literal.
 */
export function citySchemaFiles(): Array<{ file: string; text: string }> {
  const text = (schema: object) => `${JSON.stringify(schema, null, 2)}\n`;
  return [
    { file: CITY_PACKAGE_SCHEMA_FILE, text: text(CITY_PACKAGE_SCHEMA) },
    { file: 'config/cities/city-sensors.schema.json', text: text(SENSORS_FILE_SCHEMA) },
    { file: 'config/cities/city-resources.schema.json', text: text(RESOURCES_FILE_SCHEMA) },
    { file: 'config/cities/city-addresses.schema.json', text: text(ADDRESSES_FILE_SCHEMA) },
    { file: IMPORT_CONFIG_SCHEMA_FILE, text: text(IMPORT_CONFIG_SCHEMA) },
  ];
}
