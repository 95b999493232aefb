import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs, requireFlag, UsageError } from '../args';
import { importCity } from '../../pipeline/cityImport/importCity';
import { readImportConfig } from '../../pipeline/cityImport/readImportConfig';
import { citySchemaFiles } from '../../pipeline/package/citySchemaFiles';
import { cityDir } from '../../pipeline/package/openCityPackage';
import { validateCityPackage } from '../../pipeline/package/validateCityPackage';
import { stderrProgress } from './tiles';

const USAGE = 'usage: city import --config FILE --out DIR [--base-dir DIR] | city validate NAME|DIR | city schema [--write]';

/** `city schema [--write]`: prints the package and import-config schemas, or writes config/cities/*.schema.json. */
function schema(write: boolean): unknown {
  const files = citySchemaFiles();
  if (!write) return Object.fromEntries(files.map((f) => [f.file, JSON.parse(f.text)]));
  const root = join(import.meta.dirname, '../../..');
  return files.map((f) => {
    const path = join(root, f.file);
    const before = (() => { try { return readFileSync(path, 'utf8'); } catch { return ''; } })();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
    return { wrote: f.file, changed: before !== f.text };
  });
}

/**
 * `city import --config FILE --out DIR [--base-dir DIR]`: imports a city package from an import
 * config (config/cities/*.json; paths relative to the config's baseDir, or --base-dir) and prints
 * what it holds and what was derived. `city validate NAME|DIR` checks a package (every file, every
 * cross-reference); errors name the file, the line/feature and the field; exit 1 when invalid.
 * `city schema [--write]` prints or regenerates the JSON Schemas under config/cities/.
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const [sub, target] = p.positional;
  if (sub === 'schema') return schema(p.flags.has('write'));
  if (sub === 'validate') {
    if (!target) throw new UsageError(USAGE);
    const result = await validateCityPackage(cityDir(target));
    if (!result.valid) throw new Error(`${result.dir}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}:\n${result.issues.slice(0, 100).map((i: string) => `  ${i}`).join('\n')}`);
    return result;
  }
  if (sub === 'import') {
    const config = requireFlag(p, 'config', 'FILE (an import config, e.g. config/cities/chengdu-center.json)');
    const out = requireFlag(p, 'out', 'DIR (the package folder, e.g. tilesets/chengdu-center)');
    const base = p.flags.get('base-dir');
    if (base === true) throw new UsageError('--base-dir expects a folder');
    return importCity(readImportConfig(config, base), out, stderrProgress());
  }
  throw new UsageError(USAGE);
}
