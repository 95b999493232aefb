import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoCity } from './buildDemoCity';
import { demoGeneratorVersion } from './demo-city/demoGeneratorVersion';
import { TILESETS_DIR } from './package/openCityPackage';

/** Why the package at `dir` must be rebuilt, or null when it is the current code's. */
function staleReason(dir: string): string | null {
  let manifest: { format?: string; provenance?: { generator?: string } };
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'city.json'), 'utf8'));
  } catch {
    return 'missing';
  }
  if (manifest.format !== 'rongcheng-city') return 'written by an older pipeline';
  const version = demoGeneratorVersion();
  return manifest.provenance?.generator?.endsWith(version) ? null : `built by other generator code (now ${version})`;
}

/**
 * Node only (tests, benches, npm start): builds tilesets/demo when it is missing or was built by
 * other code, so what reads the demo package reads what this code writes. Returns why it was
 * rebuilt, or null when it was current.
 */
export async function ensureDemoPackage(dir = join(TILESETS_DIR, 'demo')): Promise<string | null> {
  const reason = staleReason(dir);
  if (reason === null) return null;
  await buildDemoCity(dir);
  return reason;
}
