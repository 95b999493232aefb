/**
 * Megacity in the browser (issue 19.3): both views on a 10^5-building package in headless
 * Chromium (SwiftShader): time to the first city-wide view, tiles and bytes fetched, JS heap and
 * tile GPU bytes after a scripted tour (sampled every minute, to show they stay flat under the
 * budget), and restyling every building through the state texture beside a plain frame and, in
 * the workspace, a Cesium3DTileStyle colour expression (the peer, built only here).
 * `npm run bench -- megacity` runs it after the tiling bench. Env: MEGACITY_BROWSER_BUILDINGS
 * (default 100000; the package tilesets/demo-100k, named by scaledDemoName, is built once if missing), MEGACITY_TOUR_MIN
 * (minutes of tour per view, default 2; 30 for the soak), MEGACITY_BUDGET_MB (default: the app's).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { scaledDemoName } from '../src/pipeline/demo-city/demoCityName';
import { DEFAULT_TILE_BUDGET_MB, tileBudget } from '../src/view/tileBudget';
import { fetchedTiles, flyWallUntil, flyWorkspaceUntil, restyleAll, tourPoses, wallTileMemory, workspaceTileMemory } from './megacityPage';
import { checkPicking, pickIndices, pickTargets, type PickTarget } from './megacityPicking';

const root = join(import.meta.dirname, '..');
const VIEWPORT = { width: 1280, height: 720 };
const RESTYLE_RUNS = 5;
/** Longest wait at a tour stop for its tiles (ms). */
const SETTLE_MS = 20_000;
const MB = 1024 * 1024;

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? +s[Math.floor(s.length / 2)].toFixed(1) : null; };

/** The package folder for `buildings`, tiled once with the CLI when missing. */
function ensurePackage(buildings: number): string {
  const name = scaledDemoName(buildings), dir = join(root, 'tilesets', name);
  if (!existsSync(join(dir, 'city.json'))) {
    process.stderr.write(`megacityBrowser: tiling ${buildings} buildings into tilesets/${name}...\n`);
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'tiles', '--city', 'demo', '--buildings', String(buildings), '--out', `tilesets/${name}`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return name;
}

/** Live JS heap after a full GC (CDP), and Chromium's performance.memory beside it (MB). */
async function heap(context: BrowserContext, page: Page): Promise<{ usedMB: number; totalMB: number }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { usedMB: +(u.usedSize / MB).toFixed(1), totalMB: +(u.totalSize / MB).toFixed(1) };
}

type Fly = typeof flyWorkspaceUntil;
type Memory = () => { gpuBytes: number; [k: string]: number };

/** Tours for `minutes`, sampling heap and tile memory at the end of each minute. */
async function tour(context: BrowserContext, page: Page, fly: Fly, memory: Memory, poses: ReturnType<typeof tourPoses>, minutes: number, label: string) {
  const samples: Array<Record<string, number>> = [];
  let next = 0, frames = 0, settled = 0;
  for (let m = 1; m <= minutes; m++) {
    const untilMs = (await page.evaluate(() => performance.now())) + 60_000;
    const r = await page.evaluate(fly, { poses, untilMs, start: next, settleMs: SETTLE_MS });
    next = r.next; frames += r.frames; settled += r.settled;
    const mem = await page.evaluate(memory);
    const s = { minute: m, stops: r.stops, settled: r.settled, frames: r.frames, heapUsedMB: (await heap(context, page)).usedMB, tileGpuMB: +(mem.gpuBytes / MB).toFixed(1), ...mem };
    samples.push(s);
    process.stderr.write(`megacityBrowser ${label} minute ${m}: ${JSON.stringify(s)}\n`);
  }
  return { minutes, stops: next, stopsSettled: settled, frames, stopsPerLap: poses.length, laps: +(next / poses.length).toFixed(2), samples };
}

/** Opens one view of the city, waits for the first city-wide view, tours, restyles. */
async function measureView(context: BrowserContext, base: string, city: string, view: 'workspace' | 'wall', o: { budgetMB: number; minutes: number; buildings: number; halfSizeM: number; origin: [number, number]; pickTargets: PickTarget[] }) {
  const page = await context.newPage();
  await page.addInitScript('window.__name = (f) => f; performance.setResourceTimingBufferSize(1000000);');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A feature that fails to load its data at this size logs it (e.g. the city model's parts).
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const query = view === 'wall' ? `view=wall&tour=0&budget=0&scale=1` : 'fly=0&feed=none';
  const t0 = Date.now();
  await page.goto(`${base}/?city=${city}&${query}&budgetMB=${o.budgetMB}`);
  await page.waitForSelector('body[data-tilesets="loaded"]', { timeout: 900_000 });
  const firstViewMs = Date.now() - t0;
  const memory = (view === 'wall' ? wallTileMemory : workspaceTileMemory) as Memory;
  const atFirstView = { ...(await page.evaluate(fetchedTiles, city)), ...(await page.evaluate(memory)), heap: await heap(context, page) };
  const poses = tourPoses(o.origin[0], o.origin[1], o.halfSizeM);
  const toured = await tour(context, page, (view === 'wall' ? flyWallUntil : flyWorkspaceUntil), memory, poses, o.minutes, view);
  const afterTour = { ...(await page.evaluate(fetchedTiles, city)), ...(await page.evaluate(memory)), heap: await heap(context, page) };
  let picking: object | undefined;
  if (view === 'workspace') {
    picking = await checkPicking(page, o.pickTargets);
    process.stderr.write(`megacityBrowser picking: ${JSON.stringify(picking)}\n`);
  }
  // Back to the city-wide view for the restyle: every tile it shows is loaded first.
  await page.evaluate(() => window.twin!.wall ? window.twin!.wall.flyHome() : window.twin!.workspace.flyHome(0));
  await page.waitForFunction(() => document.body.dataset.tilesets === 'loaded', undefined, { timeout: 600_000 });
  if (view === 'workspace') await page.addScriptTag({ content: readFileSync(join(root, 'node_modules/cesium/Build/Cesium/Cesium.js'), 'utf8') });
  const r = await page.evaluate(restyleAll, { buildings: o.buildings, runs: RESTYLE_RUNS });
  await page.close();
  const texture = median(r.textureMs)!, plain = median(r.plainMs)!, style = median(r.styleMs);
  const restyle = {
    runs: RESTYLE_RUNS, buildings: o.buildings, loadedFeatures: r.loadedFeatures, colouredByTexture: r.colouredByTexture,
    stateTextureToFrameMs: texture, stateTextureRecomposeMs: median(r.flushMs), plainFrameMs: plain, ratioTextureOverPlainFrame: +(texture / plain).toFixed(2),
    ...(style === null ? {} : {
      styleExpressionToFrameMs: style, ratioStyleOverTextureToFrame: +(style / texture).toFixed(2),
      styleExpressionApplyMs: median(r.styleApplyMs), featuresStyledByStyle: Math.max(...r.featuresStyledByStyle),
      ratioStyleApplyOverTextureRecompose: +(median(r.styleApplyMs)! / median(r.flushMs)!).toFixed(1),
    }),
  };
  process.stderr.write(`megacityBrowser ${view} restyle: ${JSON.stringify(restyle)}\n`);
  return { firstCityWideViewMs: firstViewMs, atFirstView, tour: toured, afterTour, restyle, ...(picking ? { picking } : {}), pageErrors: errors.slice(0, 5) };
}

export async function run(): Promise<object> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing (apt-get install chromium)');
  if (!existsSync(join(root, 'public/cesium'))) throw new Error('public/cesium is missing: run npm run build once (it copies the Cesium assets)');
  const buildings = Number(process.env.MEGACITY_BROWSER_BUILDINGS ?? 100_000);
  const minutes = Number(process.env.MEGACITY_TOUR_MIN ?? 2);
  const budgetMB = Number(process.env.MEGACITY_BUDGET_MB ?? DEFAULT_TILE_BUDGET_MB);
  const city = ensurePackage(buildings);
  const manifest = JSON.parse(readFileSync(join(root, 'tilesets', city, 'city.json'), 'utf8'));
  const [w, s, e, n] = manifest.boundsLonLat as number[];
  const halfSizeM = ((n - s) * 110_850) / 2;
  const outDir = join(root, '.cache/bench-megacity-dist');
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const base = server.resolvedUrls!.local[0].replace(/\/$/, '');
  const profile = mkdtempSync(join(tmpdir(), 'bench-megacity-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: VIEWPORT, deviceScaleFactor: 1,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--enable-precise-memory-info', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  try {
    const pickAt = await pickTargets(join(root, 'tilesets', city, manifest.buildings.table), pickIndices(manifest.counts.buildings));
    const o = { budgetMB, minutes, buildings: manifest.counts.buildings as number, halfSizeM, origin: [(w + e) / 2, (s + n) / 2] as [number, number], pickTargets: pickAt };
    const workspace = await measureView(context, base, city, 'workspace', o);
    const wall = await measureView(context, base, city, 'wall', o);
    return {
      city, buildings: o.buildings, viewport: `${VIEWPORT.width}x${VIEWPORT.height}@1`, renderer: 'SwiftShader (software WebGL), 2 shared cores',
      budget: { budgetMB, settings: tileBudget(budgetMB) }, tourMinutesPerView: minutes,
      workspace, wall,
      note: 'firstCityWideViewMs: from navigation to body[data-tilesets=loaded] at the overview (fly=0); bytes: encoded tile bodies fetched '
        + '(Resource Timing); heap: CDP Runtime.getHeapUsage after a forced GC; tile GPU bytes: Cesium totalMemoryUsageInBytes, '
        + 'the wall: geometry + textures of its loaded models; restyle: median of runs, change to the next drawn frame at the city-wide view',
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}
