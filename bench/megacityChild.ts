/**
 * One measured run of `npm run bench -- megacity`, in its own process so its peak RSS is its own:
 * `tsx bench/megacityChild.ts MODE BUILDINGS DIR [WORKERS]`, MODE one of
 *   stream: generate the demo city at that size, then the streaming tiler (WORKERS threads);
 *   old:    generate, then the first, in-memory single-thread tiler (the peer);
 *   cli:    the whole `tiles --city demo --buildings N` (sources, terrain, buildings, network).
 * Prints one JSON line. Run with --expose-gc for the tiler's live heap (see memoryWhile).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { buildDemoCity } from '../src/pipeline/buildDemoCity';
import { generateDemoCity } from '../src/pipeline/demo-city/generateDemoCity';
import { demoPlanFor } from '../src/pipeline/demo-city/DemoPlan';
import { tileBuildings } from '../src/pipeline/tiles/tileBuildings';
import { tileBuildingsStreaming } from '../src/pipeline/tiles/stream/tileBuildingsStreaming';

const [mode, nText, dir, workersText] = process.argv.slice(2);
const n = Number(nText);
const mb = (bytes: number) => Math.round(bytes / 1e6);
const seconds = (t0: number) => Math.round(performance.now() - t0) / 1000;

/**
 * What memory `f` takes: peak RSS (sampled every 50 ms and at each probe) and, when node runs with
 * --expose-gc, the live heap after a full GC at each quarter of the progress (slows the run: the
 * timing figures come from runs without it).
 */
async function memoryWhile<T>(f: (probe: (done?: number, total?: number) => void) => Promise<T> | T): Promise<[T, { peakRss: number; peakLiveHeap: number }]> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let peakRss = process.memoryUsage().rss, peakLiveHeap = 0, quarter = 0;
  const probe = (done?: number, total?: number) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (gc && done !== undefined && total && Math.floor((4 * done) / total) > quarter) {
      quarter = Math.floor((4 * done) / total);
      gc();
      peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
    }
  };
  const timer = setInterval(probe, 50);
  try { const r = await f(probe); probe(); return [r, { peakRss, peakLiveHeap }]; } finally { clearInterval(timer); }
}

/** The largest file under `dir` (bytes): the heaviest tile a viewer may have to load at once. */
function largestFileBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).reduce((m, e) => Math.max(m, statSync(join(e.parentPath, e.name)).size), 0);
}

async function main(): Promise<object> {
  if (mode === 'cli') {
    const t0 = performance.now();
    const summary = await buildDemoCity(dir, { buildings: n });
    return { ...summary, wallSeconds: seconds(t0), peakRssMB: mb(process.resourceUsage().maxRSS * 1e3) };
  }
  let t0 = performance.now();
  const city = generateDemoCity(undefined, demoPlanFor(n));
  const generateSeconds = seconds(t0);
  (globalThis as { gc?: () => void }).gc?.();
  const rssAfterGenerate = process.memoryUsage().rss, heapAfterGenerate = process.memoryUsage().heapUsed;
  t0 = performance.now();
  const elu0 = nodePerformance.eventLoopUtilization();
  const [result, memory] = await memoryWhile(async (probe) => mode === 'old'
    ? tileBuildings(city.buildings, city.frame, city.dem, dir, probe)
    : tileBuildingsStreaming(city.buildings, city.frame, city.dem, dir, { workers: Number(workersText ?? 2), onProgress: probe }));
  const tileSeconds = seconds(t0);
  const mainThreadBusy = nodePerformance.eventLoopUtilization(elu0).utilization;
  const root = JSON.parse(readFileSync(join(dir, 'tileset.json'), 'utf8')).root;
  return {
    mode, generateSeconds, tileSeconds, buildingsPerSecond: Math.round(city.buildings.length / tileSeconds),
    ...result, rootTileBytes: statSync(join(dir, root.content.uri)).size, largestTileBytes: largestFileBytes(join(dir, 'b')),
    rssAfterGenerateMB: mb(rssAfterGenerate), peakRssWhileTilingMB: mb(memory.peakRss), tilerRssAboveCityMB: mb(memory.peakRss - rssAfterGenerate),
    // Main thread's live heap (after full GCs) above the generated city: what the tiler holds, garbage aside.
    ...(memory.peakLiveHeap ? { tilerLiveHeapAboveCityMB: mb(memory.peakLiveHeap - heapAfterGenerate) } : {}), mainThreadBusyShare: +mainThreadBusy.toFixed(2),
    peakRssMB: mb(process.resourceUsage().maxRSS * 1e3),
  };
}

main().then((r) => { process.stdout.write(JSON.stringify(r) + '\n'); process.exit(0); }, (e: Error) => { process.stderr.write(`${e.stack}\n`); process.exit(1); });
