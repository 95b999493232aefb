import type { FromSchema } from '../../schema/FromSchema';
import type { IMPORT_CONFIG_SCHEMA } from './importConfigSchema';

type Defs = (typeof IMPORT_CONFIG_SCHEMA)['$defs'];

/** A city import config as validated: derived from IMPORT_CONFIG_SCHEMA. */
export type ImportConfig = FromSchema<typeof IMPORT_CONFIG_SCHEMA>;
/** One source file and how to read it (format, CRS, field mapping, filter). */
export type SourceSpec = FromSchema<Defs['source'], Defs>;
export type UnitTierSpec = NonNullable<ImportConfig['units']>[number];
