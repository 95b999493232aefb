import { parseArgs, UsageError } from '../args';
import { buildDemoCity } from '../../pipeline/buildDemoCity';

/**
 * `tiles --city demo --out DIR [--seed N]`: generates the demo city and writes its sources and
 * tilesets to DIR; prints { buildings, tiles, bytes, seconds, ... }. Progress goes to stderr.
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const city = p.flags.get('city');
  const out = p.flags.get('out');
  if (typeof out !== 'string') throw new UsageError('missing --out DIR (where the tilesets go)');
  if (city !== 'demo') throw new UsageError(`--city expects "demo" (got ${JSON.stringify(city ?? null)}); real data comes with --buildings FILE`);
  const seedText = p.flags.get('seed');
  const seed = typeof seedText === 'string' ? Number(seedText) : undefined;
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed expects an integer, got "${seedText}"`);
  return buildDemoCity(out, { seed, onProgress: stderrProgress() });
}

/** One self-overwriting progress line on stderr (a plain line per step when not a TTY). */
export function stderrProgress(): (step: string, fraction: number) => void {
  let last = '';
  return (step, fraction) => {
    const pct = Math.floor(fraction * 100);
    const line = `${step}: ${pct}%`;
    if (line === last) return;
    last = line;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}   ${fraction >= 1 ? '\n' : ''}`);
    else if (pct % 25 === 0) process.stderr.write(line + '\n');
  };
}
