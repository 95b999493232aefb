import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Source the results depend on: the models, what they call, the city they run on, the rules. */
const SOURCES = ['src/scenario', 'src/analysis', 'src/twin', 'src/sim', 'src/route', 'src/dispatch', 'src/pipeline/demo-city', 'src/pipeline/network', 'src/signs', 'src/geo', 'config/signs'];

function files(dir: string, out: string[]): string[] {
  let names: string[];
  try { names = readdirSync(dir).sort(); } catch { return out; }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|json)$/.test(n) && !n.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let cached: string | null = null;

/**
 * Node only: the code version in cache keys, sha-256 over the source files results depend on
 * (paths and contents; tests excluded), so editing a model invalidates its cached runs. ~20 ms,
 * computed once per process.
 */
export function nodeCodeVersion(): string {
  if (cached) return cached;
  const h = createHash('sha256');
  for (const dir of SOURCES) for (const f of files(join(root, dir), [])) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return (cached = `src-${h.digest('hex').slice(0, 16)}`);
}
