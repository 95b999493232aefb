import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../run/RunResult';
import type { ResultStore } from './ResultCache';

/** Default cache folder of the CLI, relative to the working directory (gitignored). */
export const DEFAULT_CACHE_DIR = '.cache/scenarios';

/**
 * Node only: results as `<dir>/<hash>.json`. Writes go to a temporary file renamed into place, so
 * a crash or a parallel run never leaves half a file; an unreadable or foreign file is a miss.
 */
export function diskResultStore(dir: string = DEFAULT_CACHE_DIR): ResultStore {
  return {
    async get(hash) {
      try {
        const r = JSON.parse(await readFile(join(dir, `${hash}.json`), 'utf8')) as RunResult;
        return r.hash === hash ? r : null;
      } catch {
        return null;
      }
    },
    async set(hash, result) {
      await mkdir(dir, { recursive: true });
      const tmp = join(dir, `${hash}.${process.pid}.${Date.now()}.tmp`);
      await writeFile(tmp, JSON.stringify(result));
      await rename(tmp, join(dir, `${hash}.json`));
    },
  };
}
