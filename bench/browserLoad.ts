/** Builds the app, serves it with vite preview and drives it in headless Chromium for benches. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';

const root = join(import.meta.dirname, '..');

/** A feed the page uses: its session API / WebSocket base URL and the person who logs in. */
export interface BenchFeed {
  httpUrl: string;
  login: { username: string; password: string };
}

/**
 * Runs `fn` with a page of the built app open at `query` (e.g. '?fly=0&feed=none'); cleans up
 * after. With `feed`, `/api` and `/mqtt` are proxied to it and the person is logged in first.
 */
export async function withAppPage<T>(query: string, viewport: { width: number; height: number }, fn: (page: Page, url: string) => Promise<T>, feed?: BenchFeed): Promise<T> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing (apt-get install chromium)');
  if (!existsSync(join(root, 'tilesets/demo/city.json'))) throw new Error('tilesets/demo is missing (npm run tiles)');
  await build({ root, logLevel: 'silent' });
  const proxy: Record<string, { target: string; ws?: boolean }> = feed ? { '/api/': { target: feed.httpUrl }, '/mqtt': { target: feed.httpUrl, ws: true } } : {};
  const server = await preview({ root, preview: { port: 0, host: '127.0.0.1', proxy }, logLevel: 'silent' });
  const url = server.resolvedUrls!.local[0];
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  try {
    if (feed) {
      const res = await context.request.post(`${url}api/login`, { data: { ...feed.login, tab: 'benchlogin' } });
      if (!res.ok()) throw new Error(`bench login failed: ${res.status()} ${await res.text()}`);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}${query}`);
    return await fn(page, url);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}

/** Time until the workspace's tilesets report loaded, and the tiles' memory. */
export async function measureWorkspaceLoad(): Promise<object> {
  const t0 = Date.now();
  return withAppPage('?fly=0&feed=none', { width: 1280, height: 720 }, async (page) => {
    await page.waitForSelector('body[data-tilesets="loaded"]', { timeout: 180_000 });
    const wallMs = Date.now() - t0;
    const stats = await page.evaluate(() => {
      const w = window.twin!.workspace;
      return {
        sinceAppStartMs: window.twin!.loadedAtMs,
        buildingTiles: window.twin!.load.buildingTilesLoaded, terrainTiles: window.twin!.load.terrainTilesLoaded,
        gpuBytes: w.tilesets.buildings.totalMemoryUsageInBytes + w.tilesets.terrain.totalMemoryUsageInBytes,
      };
    });
    return { viewport: '1280x720', sinceBuildStartMs: wallMs, ...stats };
  });
}
