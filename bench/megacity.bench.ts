/**
 * Megacity tiling (issue 19): the demo city generated at 10^5 and 10^6 buildings and tiled by the
 * streaming tiler on 2 worker threads; beside it, at each size, the same tiler in one thread and
 * the first in-memory tiler (peer: ADD tree by height, every tower of 120 m or more in the root). Each run is its own process (bench/megacityChild.ts) so peak RSS
 * is its own. Also: the whole `tiles --city demo --buildings N` command at the largest size, the
 * checks at that size (schemas, nesting, glTF validator on a sample, the official validator at
 * 10^5 when ../shared has it) and the figures behind the explicit-tree choice.
 * MEGACITY_SIZES=100000,1000000 picks the sizes; MEGACITY_KEEP=DIR keeps the largest city package.
 *
 * Browser-at-scale figures (first city-wide view, tiles and bytes loaded, JS heap and tile GPU
 * bytes after a tour, restyle of all buildings: issue 19.3) are bench/megacityBrowser.bench.ts,
 * which `npm run bench -- megacity` runs next (its own report key, `megacityBrowser`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { TilesetValidator } from '../src/pipeline/validate/TilesetValidator';
import { validateGlb } from '../src/pipeline/validate/validateGlb';
import { checkTileNesting } from '../src/pipeline/validate/checkTileNesting';
import { compareTreeLayouts } from './megacityTreeChoice';

const root = join(import.meta.dirname, '..');
const shared = process.env.TWIN_SHARED_DIR ?? join(root, '../shared');

function child(mode: string, buildings: number, dir: string, workers = 2, liveHeap = false): Record<string, any> {
  const run = spawnSync(process.execPath, [...(liveHeap ? ['--expose-gc'] : []), '--import', 'tsx', join(import.meta.dirname, 'megacityChild.ts'), mode, String(buildings), dir, String(workers)], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0) throw new Error(`megacity ${mode} ${buildings}: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

/** Schema, nesting and glTF validator on the coarse tiles (levels 0-2) and 32 leaves spread over the tree. */
async function checks(dir: string): Promise<object> {
  const json = JSON.parse(readFileSync(join(dir, 'tileset.json'), 'utf8'));
  const schemaDir = join(shared, '3d-tiles-schema');
  const schema = existsSync(schemaDir) ? new TilesetValidator(schemaDir).validateTileset(json).length : 'skipped: no ../shared/3d-tiles-schema';
  const sample: string[] = [], leaves: string[] = [];
  const walk = (t: any, level: number) => {
    if (!t.children) leaves.push(t.content.uri); else if (level <= 2) sample.push(t.content.uri);
    (t.children ?? []).forEach((c: any) => walk(c, level + 1));
  };
  walk(json.root, 0);
  for (let i = 0; i < leaves.length; i += Math.ceil(leaves.length / 32)) sample.push(leaves[i]);
  let gltfErrors = 0, gltfWarnings = 0;
  for (const uri of sample) {
    const r = await validateGlb(readFileSync(join(dir, uri)), uri);
    gltfErrors += r.errors; gltfWarnings += r.warnings;
  }
  return { schemaIssues: schema, nestingIssues: checkTileNesting(json).issues.length, gltfValidated: sample.length, gltfErrors, gltfWarnings };
}

function officialValidator(tileset: string): object {
  const tool = join(shared, 'tools/validate-3d-tiles');
  if (!existsSync(tool)) return { skipped: `no ${tool}` };
  const t0 = performance.now();
  const out = spawnSync(tool, [tileset], { encoding: 'utf8' }).stdout.trim();
  const r = JSON.parse(out.split('\n').pop() ?? '{}');
  return { errors: r.errors, warnings: r.warnings, seconds: Math.round(performance.now() - t0) / 1000 };
}

export async function run(): Promise<object> {
  const sizes = (process.env.MEGACITY_SIZES ?? '100000,1000000').split(',').map(Number);
  const tmp = mkdtempSync(join(tmpdir(), 'bench-megacity-'));
  const report: Record<string, unknown> = { loadAverageBefore: loadavg().map((x) => Math.round(x * 100) / 100), cores: 2 };
  try {
    for (const n of sizes) {
      const dir = join(tmp, `stream-${n}`);
      const stream = child('stream', n, dir, 2);
      const inline = child('stream', n, join(tmp, `inline-${n}`), 0);
      const old = child('old', n, join(tmp, `old-${n}`));
      const heap = child('stream', n, join(tmp, `heap-${n}`), 2, true);
      rmSync(join(tmp, `heap-${n}`), { recursive: true, force: true });
      rmSync(join(tmp, `inline-${n}`), { recursive: true, force: true });
      rmSync(join(tmp, `old-${n}`), { recursive: true, force: true });
      const entry: Record<string, unknown> = {
        streaming2Workers: stream, streaming1Thread: inline, oldInMemoryTilerPeer: old,
        // A fourth run, with full GCs at each quarter (slower): what the tiler holds live beside the city.
        tilerLiveHeapAboveCityMB: heap.tilerLiveHeapAboveCityMB,
        ratios: {
          streamingOverOldSeconds: +(stream.tileSeconds / old.tileSeconds).toFixed(3),
          speedupOf2Workers: +(inline.tileSeconds / stream.tileSeconds).toFixed(3),
          rootTileBytesStreamingOverOld: +(stream.rootTileBytes / old.rootTileBytes).toFixed(3),
        },
      };
      if (n === sizes[0]) entry.officialValidator = officialValidator(join(dir, 'tileset.json'));
      entry.checks = await checks(dir);
      entry.treeChoice = compareTreeLayouts(dir);
      report[String(n)] = entry;
      rmSync(dir, { recursive: true, force: true });
    }
    const largest = Math.max(...sizes);
    const keep = process.env.MEGACITY_KEEP;
    report.wholeCommand = { buildings: largest, ...child('cli', largest, keep ?? join(tmp, 'cli'), 2), keptAt: keep ?? null };
    report.loadAverageAfter = loadavg().map((x) => Math.round(x * 100) / 100);
    return report;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
