import { jsonPositions, JsonSyntaxError } from '../../schema/jsonPositions';
import { placeIssues, type SchemaValidator, type UnplacedIssue } from '../../schema/SchemaValidator';
import { CityPackageError } from './CityPackageError';
import type { PackageReader } from './PackageReader';

/**
 * Parses a package file's JSON text, or throws CityPackageError naming the file, line and column
 * of the syntax error.
 */
export function parsePackageJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      jsonPositions(text);
    } catch (err) {
      if (err instanceof JsonSyntaxError) throw new CityPackageError(file, [{ pointer: '', ...err.position, expected: `valid JSON: ${err.expected}` }]);
    }
    throw new CityPackageError(file, [{ pointer: '', line: 0, column: 0, expected: 'valid JSON' }]);
  }
}

/**
 * Throws CityPackageError for `issues` of the value parsed from `text`, located to lines (the
 * positions are scanned only when there is something to report, so large valid files cost nothing).
 */
export function throwIssues(issues: UnplacedIssue[], text: string, file: string): void {
  if (issues.length === 0) return;
  let positions;
  try { positions = jsonPositions(text); } catch { positions = undefined; }
  throw new CityPackageError(file, placeIssues(issues, positions));
}

/** Reads, parses and validates one JSON file of a package against its schema; the value typed as T. */
export async function readValidatedJson<T>(reader: PackageReader, path: string, validator: SchemaValidator): Promise<T> {
  const file = `${reader.location}/${path}`;
  const text = await reader.text(path);
  const value = parsePackageJson(text, file);
  throwIssues(validator.issues(value), text, file);
  return value as T;
}
