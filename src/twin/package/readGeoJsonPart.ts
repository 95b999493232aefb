import type { UnplacedIssue } from '../../schema/SchemaValidator';
import { CityPackageError } from './CityPackageError';
import type { PackageReader } from './PackageReader';
import { parseFeatureLines } from './parseFeatureLines';
import { parsePackageJson, throwIssues } from './readPackageJson';

/**
 * UTF-8 bytes that always decode to a string V8 can hold: 2^29 - 24 UTF-16 units, and a UTF-8
 * byte is at most one unit.
 */
export const ONE_STRING_MAX_BYTES = 2 ** 29 - 24;

/**
 * Reads a GeoJSON part of a package and converts it, throwing its issues located to lines. Up to
 * `maxTextBytes` (default ONE_STRING_MAX_BYTES) it is parsed as one JSON text; a larger file (a
 * city of 10^6 buildings writes ~600 MB of buildings.geojson) one feature per line, the layout the
 * pipeline writes (parseFeatureLines).
 */
export async function readGeoJsonPart<T>(
  reader: PackageReader, path: string, convert: (doc: unknown) => T & { issues: UnplacedIssue[] }, maxTextBytes = ONE_STRING_MAX_BYTES,
): Promise<T> {
  const file = `${reader.location}/${path}`;
  const parsed = parseGeoJsonBytes(await reader.bytes(path), file, maxTextBytes);
  const out = convert(parsed.doc);
  if (out.issues.length === 0) return out;
  if (parsed.text !== null) throwIssues(out.issues, parsed.text, file);
  // Pointers under /features/N are placed on feature N's line.
  throw new CityPackageError(file, out.issues.map(({ onKey: _onKey, ...issue }) => {
    const n = /^\/features\/(\d+)/.exec(issue.pointer);
    return { ...issue, line: n ? parsed.featureLine?.[Number(n[1])] ?? 0 : 0, column: n ? 1 : 0 };
  }));
}

/**
 * A GeoJSON file's bytes parsed: as one JSON text up to `maxTextBytes` (then `text` is kept to
 * place issues), else line by line (parseFeatureLines; `featureLine` places them). Throws
 * CityPackageError naming `file` and the line.
 */
export function parseGeoJsonBytes(bytes: Uint8Array, file: string, maxTextBytes = ONE_STRING_MAX_BYTES): { doc: unknown; text: string | null; featureLine: Uint32Array | null } {
  if (bytes.byteLength <= maxTextBytes) {
    const text = new TextDecoder().decode(bytes);
    return { doc: parsePackageJson(text, file), text, featureLine: null };
  }
  const why = `the file is ${Math.round(bytes.byteLength / 1e6)} MB, more than one JSON text may be (${Math.floor(maxTextBytes / 1e6)} MB)`;
  const { doc, featureLine } = parseFeatureLines(bytes, file, why);
  return { doc, text: null, featureLine };
}
