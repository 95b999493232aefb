import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root (this file is test/referenceData.ts). */
const ROOT = resolve(import.meta.dirname, '..');

/**
 * Reference data that is not part of the repository (official schemas, real city extracts,
 * benchmark solutions): `$TWIN_SHARED_DIR`, else the `shared` folder beside the repository.
 */
export const SHARED_DIR = process.env.TWIN_SHARED_DIR ? resolve(process.env.TWIN_SHARED_DIR) : resolve(ROOT, '../shared');

/** Where one reference check finds its data, and whether it is there. */
export interface ReferenceData {
  path: string;
  present: boolean;
}

/**
 * Locates the data of one named reference check: `override` (a check's own environment variable)
 * when set, else `relPath` under SHARED_DIR. When it is absent the check is to be skipped, and this
 * prints one line naming the check and the missing path, so a clone without the shared data passes
 * `npm test` and says what it did not check. With `TWIN_REQUIRE_REFERENCE=1` (CI, where the data is
 * present) an absent path throws instead, so no reference check is skipped there by accident.
 */
export function referenceData(check: string, relPath: string, override?: string): ReferenceData {
  const path = override ? resolve(override) : resolve(SHARED_DIR, relPath);
  const present = existsSync(path);
  if (!present) {
    const line = `reference check skipped: ${check} (needs ${path}; put the shared data beside the repository or set TWIN_SHARED_DIR)`;
    if (process.env.TWIN_REQUIRE_REFERENCE === '1') throw new Error(`TWIN_REQUIRE_REFERENCE=1 but ${line}`);
    console.warn(line);
  }
  return { path, present };
}
