/**
 * The official CesiumGS 3d-tiles-validator (v0.6.1) as `../shared/tools/validate-3d-tiles` runs it:
 * tileset JSON, bounding-volume nesting, every glb through the Khronos glTF validator and the
 * metadata extensions. Absent in a clone without ../shared: tests then skip and say so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { referenceData, SHARED_DIR, type ReferenceData } from '../../referenceData';

export const OFFICIAL_VALIDATOR = process.env.VALIDATE_3D_TILES ?? join(SHARED_DIR, 'tools/validate-3d-tiles');

/** Why the official validator cannot run here, or null when it can. */
let official: ReferenceData | undefined;
export function officialValidatorMissing(): string | null {
  official ??= referenceData('the official CesiumGS 3D Tiles validator', 'tools/validate-3d-tiles', process.env.VALIDATE_3D_TILES);
  return official.present && existsSync(OFFICIAL_VALIDATOR) ? null : `official 3D Tiles validator not found at ${OFFICIAL_VALIDATOR} (add ../shared, or set TWIN_SHARED_DIR or VALIDATE_3D_TILES)`;
}

export interface OfficialReport {
  tileset: string;
  errors: number;
  warnings: number;
  /** Up to 20 issues above INFO, each with its type, JSON path and message. */
  issues: Array<{ type: string; severity: string; path: string; message: string }>;
}

/** Runs the validator on tileset.json files and returns one report per tileset. */
export function runOfficialValidator(tilesets: string[], timeoutMs = 300_000): OfficialReport[] {
  const run = spawnSync(OFFICIAL_VALIDATOR, tilesets, { encoding: 'utf8', timeout: timeoutMs });
  if (run.error) throw new Error(`${OFFICIAL_VALIDATOR}: ${run.error.message}`);
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('{'));
  if (lines.length !== tilesets.length) {
    throw new Error(`${OFFICIAL_VALIDATOR} exited ${run.status} with ${lines.length} reports for ${tilesets.length} tilesets: ${run.stderr.slice(0, 500)}`);
  }
  return lines.map((l) => JSON.parse(l) as OfficialReport);
}
