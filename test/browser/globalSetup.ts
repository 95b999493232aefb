import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { ensureDemoPackage } from '../../src/pipeline/ensureDemoPackage';
import { startFeed, type Feed } from '../../src/feed/startFeed';

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string; feedUrl: string }
}

const root = join(import.meta.dirname, '../..');
let server: PreviewServer | undefined;
let feed: Feed | undefined;

/**
 * Browser-test set-up: builds the demo city package when missing or stale, builds the app exactly as `npm run build`
 * does (Cesium assets copied, vite build), and serves it with `vite preview` on a free port.
 */
export async function setup(project: TestProject): Promise<void> {
  const rebuilt = await ensureDemoPackage();
  if (rebuilt) console.log(`browser setup: rebuilt tilesets/demo (${rebuilt})`);
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(root, 'scripts/copy-cesium.mjs')], { cwd: root, stdio: 'inherit' });
  await build({ root, logLevel: 'warn' });
  server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('browser setup: vite preview did not report a URL');
  project.provide('baseUrl', url.replace(/\/$/, ''));
  // The embedded feed (aedes + simulator) on free ports: pages connect to it with ?feed=URL.
  feed = await startFeed({ port: 0, wsPort: 0 });
  project.provide('feedUrl', feed.urls.ws);
}

export async function teardown(): Promise<void> {
  await feed?.stop();
  await server?.close();
}
