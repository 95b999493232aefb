import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatIssue } from '../../schema/JsonIssue';
import { parseJsonWithPositions, placeIssues, SchemaValidator } from '../../schema/SchemaValidator';
import type { ImportConfig } from './ImportConfig';
import { IMPORT_CONFIG_SCHEMA } from './importConfigSchema';

const validator = new SchemaValidator(IMPORT_CONFIG_SCHEMA);

/** An import config file that does not validate: every issue with its line, JSON pointer and what was expected. */
export class ImportConfigError extends Error {
  constructor(readonly file: string, readonly issues: ReturnType<typeof placeIssues>) {
    super(issues.length === 1 ? `invalid import config ${formatIssue(file, issues[0])}`
      : `invalid import config ${file} (${issues.length} problems):\n${issues.map((i) => `  ${formatIssue(file, i)}`).join('\n')}`);
    this.name = 'ImportConfigError';
  }
}

/** A validated config and the folder its relative paths resolve against. */
export interface LoadedImportConfig {
  file: string;
  config: ImportConfig;
  baseDir: string;
}

/**
 * Reads and validates an import config (JSON Schema: config/cities/city-import.schema.json).
 * `baseDir` overrides where relative source paths start (default: the config's `baseDir`,
 * relative to the config file, else the config file's folder).
 */
export function readImportConfig(file: string, baseDir?: string): LoadedImportConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read import config ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const parsed = parseJsonWithPositions(text);
  if ('issue' in parsed) throw new ImportConfigError(file, [parsed.issue]);
  const issues = validator.issues(parsed.value);
  if (issues.length) throw new ImportConfigError(file, placeIssues(issues, parsed.positions));
  const config = parsed.value as ImportConfig;
  return { file, config, baseDir: baseDir ? resolve(baseDir) : resolve(dirname(file), config.baseDir ?? '.') };
}
