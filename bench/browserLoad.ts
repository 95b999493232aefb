/** Builds the app, serves it with vite preview and measures workspace load in headless Chromium. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const root = join(import.meta.dirname, '..');

export async function measureWorkspaceLoad(): Promise<object> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing (apt-get install chromium)');
  if (!existsSync(join(root, 'tilesets/demo/city.json'))) throw new Error('tilesets/demo is missing (npm run tiles)');
  await build({ root, logLevel: 'silent' });
  const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  const url = server.resolvedUrls!.local[0];
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 720 },
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const t0 = Date.now();
    await page.goto(`${url}?fly=0`);
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
    return { viewport: '1280x720', sinceNavigationMs: wallMs, ...stats };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}
