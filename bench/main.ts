/**
 * `npm run bench`: runs every `bench/*.bench.ts` (each exports `run(): Promise<object>`) in one
 * process and prints one JSON object keyed by file name. Each timing is reported beside a peer run
 * in the same process (a ratio), never asserted. `npm run bench -- NAME` runs only matching files.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDemoPackage } from '../src/pipeline/ensureDemoPackage';

const dir = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
const report: Record<string, unknown> = { machine: { node: process.version, platform: process.platform, arch: process.arch } };
// Benches read the demo city package (tilesets/demo) as the CLI does.
const rebuilt = await ensureDemoPackage();
if (rebuilt) process.stderr.write(`bench: rebuilt tilesets/demo (${rebuilt})\n`);
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  process.stderr.write(`bench: ${name}...\n`);
  const t0 = performance.now();
  try {
    const mod = (await import(join(dir, f))) as { run(): Promise<unknown> };
    report[name] = await mod.run();
  } catch (err) {
    report[name] = { error: (err as Error).message };
  }
  process.stderr.write(`bench: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
