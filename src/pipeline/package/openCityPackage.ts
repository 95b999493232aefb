import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { CityPackage } from '../../twin/package/CityPackage';
import { PackageFileMissing, type PackageReader } from '../../twin/package/PackageReader';

/** The folder city packages live in: `tilesets/` at the repository root. */
export const TILESETS_DIR = resolve(import.meta.dirname, '../../../tilesets');

/** A reader over a package folder on disk. */
export function nodePackageReader(dir: string): PackageReader {
  const read = async (path: string): Promise<Buffer> => {
    const file = join(dir, path);
    try {
      return await readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new PackageFileMissing(file);
      throw new Error(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  };
  return {
    location: dir,
    text: async (path) => (await read(path)).toString('utf8'),
    bytes: async (path) => new Uint8Array(await read(path)),
  };
}

/** The folder of a city: a path (absolute, or with a '/'), else the name of a folder under tilesets/. */
export function cityDir(nameOrDir: string): string {
  return isAbsolute(nameOrDir) || nameOrDir.includes('/') ? resolve(nameOrDir) : join(TILESETS_DIR, nameOrDir);
}

/**
 * Opens a city package from disk by name (`demo`, `chengdu-center`: folders under tilesets/) or
 * path. Throws saying how to build it when it is missing, and naming the file, line and field
 * when its city.json does not validate.
 */
export async function openCityPackage(nameOrDir: string): Promise<CityPackage> {
  const dir = cityDir(nameOrDir);
  if (!existsSync(join(dir, 'city.json'))) {
    const how = nameOrDir === 'demo' ? '`npm run tiles` builds it' : `\`npm run -s cli -- city import --config FILE --out ${dir}\` builds one`;
    throw new Error(`city "${nameOrDir}": ${join(dir, 'city.json')} not found; ${how}`);
  }
  try {
    return await CityPackage.open(nodePackageReader(dir));
  } catch (err) {
    const text = await readFile(join(dir, 'city.json'), 'utf8').catch(() => '');
    if (text && !text.includes('"format"')) {
      throw new Error(`city "${nameOrDir}": ${join(dir, 'city.json')} was written by an older pipeline (no package format); rebuild it (${nameOrDir === 'demo' ? 'npm run tiles' : 'city import'})`);
    }
    throw err;
  }
}
