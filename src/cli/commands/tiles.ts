import { resolve } from 'node:path';
import { parseArgs, UsageError, type ParsedArgs } from '../args';
import { buildDemoCity } from '../../pipeline/buildDemoCity';
import { importCity } from '../../pipeline/cityImport/importCity';
import { ensureDemoPackage } from '../../pipeline/ensureDemoPackage';
import { MAX_DEMO_BUILDINGS } from '../../pipeline/demo-city/DemoPlan';
import { packageNameProblem } from '../../pipeline/demo-city/demoCityName';

/**
 * `tiles --city demo --out DIR [--seed N] [--buildings N] [--name NAME] [--workers N]`: generates
 * the demo city (or, with --buildings N, the same look scaled to exactly N buildings) and writes
 * its package (sources, tilesets, network, registries, city.json) to DIR; prints { city,
 * buildings, tiles, bytes, seconds, ... }. --name: the package's name (city.json, sensor topics;
 * default `demo`, and for a scaled city its own, e.g. `demo-100k`: see scaledDemoName); serve it
 * as tilesets/NAME. --workers: tiler threads.
 * `tiles --city demo --if-stale`: rebuilds tilesets/demo only when it is missing or was built by
 * other code (npm start runs this).
 * `tiles --buildings FILE [--dem FILE] [--crs EPSG:4544] [--dem-crs CRS] [--name NAME] --out DIR`:
 * imports real data (GeoJSON, OSM XML/PBF; GeoTIFF or SRTM .hgt) into a city package, as `city
 * import` does with a config naming only these sources (units, sensors derived; no resources).
 * Progress goes to stderr.
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const city = p.flags.get('city');
  if (city === 'demo' && p.flags.has('if-stale')) {
    const rebuilt = await ensureDemoPackage();
    return { city: 'demo', rebuilt: rebuilt !== null, reason: rebuilt ?? 'current' };
  }
  const out = p.flags.get('out');
  if (typeof out !== 'string') throw new UsageError('missing --out DIR (where the tilesets go)');
  const buildings = p.flags.get('buildings');
  if (typeof buildings === 'string' && city !== 'demo') {
    const str = (k: string) => (typeof p.flags.get(k) === 'string' ? (p.flags.get(k) as string) : undefined);
    const dem = str('dem'), name = str('name') ?? 'imported';
    // The quick path of `city import`: one source, no units, sensors or resources given (derived and said so).
    const config = {
      name, title: `Imported city (${buildings.split('/').pop()})`, crs: str('crs'), buildings: { file: resolve(buildings) },
      ...(dem ? { terrain: { file: resolve(dem), crs: str('dem-crs') } } : {}),
    };
    return importCity({ file: `tiles --buildings ${buildings}`, config, baseDir: process.cwd() }, out, stderrProgress());
  }
  if (city !== 'demo') throw new UsageError(`--city expects "demo" (got ${JSON.stringify(city ?? null)}); real data comes with --buildings FILE`);
  const name = p.flags.get('name');
  const problem = name === undefined ? null : packageNameProblem(name, '--name');
  if (problem) throw new UsageError(problem);
  return buildDemoCity(out, {
    name: name as string | undefined, seed: intFlag(p.flags, 'seed'), buildings: intFlag(p.flags, 'buildings', 1, MAX_DEMO_BUILDINGS), workers: intFlag(p.flags, 'workers', 0, 64),
    onProgress: stderrProgress(),
  });
}

/** An optional integer flag within [min, max]. */
function intFlag(flags: ParsedArgs['flags'], name: string, min = -Infinity, max = Infinity): number | undefined {
  const text = flags.get(name);
  if (text === undefined) return undefined;
  const v = typeof text === 'string' ? Number(text.replace(/_/g, '')) : NaN;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new UsageError(`--${name} expects an integer${Number.isFinite(min) ? ` in ${min}..${max}` : ''}, got ${JSON.stringify(text)}`);
  }
  return v;
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
