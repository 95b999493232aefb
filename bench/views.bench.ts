/**
 * Frames per second of both views over the same camera path, in the same headless Chromium run
 * (ratio wall / workspace), and the GPU memory of the tiles each has loaded. The app is built and
 * served with vite preview (or BENCH_BASE_URL points at a running server).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

const root = join(import.meta.dirname, '..');
const VIEWPORT = { width: 960, height: 540 };
const ORIGIN = { lonDeg: 104.06, latDeg: 30.66 };
/** Frames per measured pass; the path is flown once to load tiles, then timed. */
const FRAMES = 48;

/** One pose per frame: a circle of 3.5 km radius around the centre at 2.4 km, looking inwards and down. */
export function cameraPath(frames = FRAMES): Array<[lonDeg: number, latDeg: number, heightM: number, headingRad: number, pitchRad: number]> {
  const mPerDegLat = 110_850, mPerDegLon = 111_320 * Math.cos((ORIGIN.latDeg * Math.PI) / 180);
  return Array.from({ length: frames }, (_, i) => {
    const a = (i / frames) * 2 * Math.PI;
    const east = 3500 * Math.sin(a), north = -3500 * Math.cos(a);
    // Heading towards the centre: compass bearing of (-east, -north).
    const heading = Math.atan2(-east, -north);
    return [ORIGIN.lonDeg + east / mPerDegLon, ORIGIN.latDeg + north / mPerDegLat, 2400, heading, -0.55];
  });
}

type Path = ReturnType<typeof cameraPath>;

/** Flies the path in the wall, one pose per drawn frame; returns ms per pass. */
async function flyWall(page: Page, path: Path): Promise<number> {
  return page.evaluate(async (poses) => {
    const wall = (window as any).twin.wall;
    wall.tour.stop();
    await wall.nextFrame();
    const t0 = performance.now();
    for (const p of poses) {
      wall.rig.setGeo(p[0], p[1], p[2], p[3], p[4]);
      await wall.nextFrame();
    }
    return performance.now() - t0;
  }, path);
}

/** Flies the path in the Cesium workspace, one pose per rendered frame (it renders on demand). */
async function flyWorkspace(page: Page, path: Path): Promise<number> {
  return page.evaluate(async (poses) => {
    const { viewer } = window.twin!.workspace;
    const scene = viewer.scene;
    // Cartesian3 is not global in the bundle: reach it through an instance.
    const Cartesian3 = viewer.camera.position.constructor as unknown as { fromDegrees(lo: number, la: number, h: number): unknown };
    const rendered = () => new Promise<void>((resolve) => { const off = scene.postRender.addEventListener(() => { off(); resolve(); }); scene.requestRender(); });
    await rendered();
    const t0 = performance.now();
    for (const p of poses) {
      viewer.camera.setView({ destination: Cartesian3.fromDegrees(p[0], p[1], p[2]) as never, orientation: { heading: p[3], pitch: p[4], roll: 0 } });
      await rendered();
    }
    return performance.now() - t0;
  }, path);
}

/** In the page: GPU bytes of the wall's loaded tiles and how many tile models it loaded. */
function wallMemoryInPage() {
  const w = (window as any).twin.wall;
  const bytes = w.tilesGpuBytes();
  return { buildingsBytes: bytes.buildings, terrainBytes: bytes.terrain, buildingTiles: w.state.buildingTilesLoaded, terrainTiles: w.state.terrainTilesLoaded };
}

async function measure(page: Page, url: string, fly: (p: Page, path: Path) => Promise<number>, path: Path) {
  await page.goto(url);
  await page.waitForSelector('body[data-tilesets="loaded"]', { timeout: 180_000 });
  const warmMs = await fly(page, path);
  const ms = await fly(page, path);
  return { warmPassMs: Math.round(warmMs), fps: +((path.length * 1000) / ms).toFixed(2), msPerFrame: +(ms / path.length).toFixed(1) };
}

export async function run(): Promise<object> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing (apt-get install chromium)');
  if (!existsSync(join(root, 'tilesets/demo/city.json'))) throw new Error('tilesets/demo is missing (npm run tiles)');
  let server: PreviewServer | undefined;
  let base = process.env.BENCH_BASE_URL;
  if (!base) {
    if (!existsSync(join(root, 'public/cesium'))) throw new Error('public/cesium is missing: run npm run build once (it copies the Cesium assets)');
    // Its own output folder: other sessions' browser tests serve dist/ while this runs.
    const outDir = join(root, '.cache/bench-views-dist');
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    server = await preview({ root, build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
    base = server.resolvedUrls!.local[0].replace(/\/$/, '');
  }
  const profile = mkdtempSync(join(tmpdir(), 'bench-views-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: VIEWPORT, deviceScaleFactor: 1,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx (esbuild keepNames) wraps named functions inside evaluated code in __name(): give the page one.
    await page.addInitScript('window.__name = (f) => f');
    const path = cameraPath();
    // Fixed render scale 1 (budget=0) so the wall draws as many pixels as the workspace.
    const wall = await measure(page, `${base}/?view=wall&budget=0&scale=1`, flyWall, path);
    const wallMemory = await page.evaluate(wallMemoryInPage);
    const workspace = await measure(page, `${base}/?view=workspace&fly=0&feed=none`, flyWorkspace, path);
    const workspaceMemory = await page.evaluate(() => {
      const t = window.twin!.workspace.tilesets;
      return { buildingsBytes: t.buildings.totalMemoryUsageInBytes, terrainBytes: t.terrain.totalMemoryUsageInBytes, buildingTiles: window.twin!.load.buildingTilesLoaded, terrainTiles: window.twin!.load.terrainTilesLoaded };
    });
    // The wall again at the workspace's screen-space error (16 px): the same detail budget, for a like-for-like ratio.
    const wallSse16 = await measure(page, `${base}/?view=wall&budget=0&scale=1&sse=16`, flyWall, path);
    const wallSse16Memory = await page.evaluate(wallMemoryInPage);
    return {
      viewport: `${VIEWPORT.width}x${VIEWPORT.height}@1`, renderer: 'SwiftShader (software WebGL)', framesPerPass: path.length,
      wall: { ...wall, errorTargetPx: 6, gpuMemory: wallMemory },
      workspace: { ...workspace, maximumScreenSpaceErrorPx: 16, gpuMemory: workspaceMemory },
      wallAtSse16: { ...wallSse16, errorTargetPx: 16, gpuMemory: wallSse16Memory },
      fpsRatioWallOverWorkspace: +(wall.fps / workspace.fps).toFixed(2),
      fpsRatioWallSse16OverWorkspace: +(wallSse16.fps / workspace.fps).toFixed(2),
      note: 'same path (48 poses, one per drawn frame, after one warm-up pass); wall in night mode; the workspace renders on demand and, '
        + 'while the camera moves, Cesium defers peripheral tile requests (cullRequestsWhileMoving, foveated SSE), so it draws fewer tiles; '
        + 'tiles counts are tile models loaded since the page opened',
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server?.close();
  }
}
