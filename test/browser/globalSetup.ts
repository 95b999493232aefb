import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { ensureDemoPackage } from '../../src/pipeline/ensureDemoPackage';
import { startFeed, type Feed } from '../../src/feed/startFeed';
import { incidentSetup } from '../../src/hub/incidents/incidentSetup';
import { startEmbeddedHub } from '../../src/hub/startEmbeddedHub';
import type { HubService } from '../../src/hub/startHub';
import { openCityPackage } from '../../src/pipeline/package/openCityPackage';
import { defaultRules } from '../../src/signs/rules/defaultRules';
import { tempDataDir, testAuthority } from '../unit/signs/feedTestKit';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The feed's WebSocket URL for node-side clients of the tests (pages get theirs from the session API). */
    feedUrl: string;
    /** The test data folder (accounts, token key) the feed runs on. */
    dataDir: string;
    /** A person who may log in on the pages ('viewer') and the operator, with their passwords. */
    logins: Record<'viewer' | 'operator', { username: string; password: string }>;
  }
}

const root = join(import.meta.dirname, '../..');
let server: PreviewServer | undefined;
let feed: Feed | undefined;
let hub: HubService | undefined;
const data = tempDataDir('rc-browser-data-');

/**
 * Browser-test set-up: builds the demo city package when missing or stale, builds the app exactly
 * as `npm run build` does (Cesium assets copied, vite build), starts the embedded feed (broker,
 * session API, simulator) and the operations hub (PGlite, incidents on) on free ports over a test data folder
 * with test accounts, and serves the app with `vite preview` proxying `/api` and `/mqtt` to the
 * feed, as `npm start` does.
 */
export async function setup(project: TestProject): Promise<void> {
  const rebuilt = await ensureDemoPackage();
  if (rebuilt) console.log(`browser setup: rebuilt tilesets/demo (${rebuilt})`);
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(root, 'scripts/copy-cesium.mjs')], { cwd: root, stdio: 'inherit' });
  await build({ root, logLevel: 'warn' });
  const { passwords } = await testAuthority(data.dir);
  // Incident setup first (fleet, roads, SLA): a hub started after the feed must not miss its first readings.
  const pkg = await openCityPackage('demo');
  const [units, incidents] = await Promise.all([pkg.units(), incidentSetup(pkg)]);
  feed = await startFeed({ port: 0, wsPort: 0, dataDir: data.dir });
  hub = await startEmbeddedHub({ feed, dataDir: data.dir, cityId: feed.registry.city, cityUnitId: feed.cityUnitId, units, rules: defaultRules(), incidents });
  const target = feed.urls.http;
  server = await preview({ root, preview: { port: 0, host: '127.0.0.1', proxy: { '/api/': { target }, '/mqtt': { target, ws: true } } }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('browser setup: vite preview did not report a URL');
  project.provide('baseUrl', url.replace(/\/$/, ''));
  project.provide('feedUrl', feed.urls.ws);
  project.provide('dataDir', data.dir);
  project.provide('logins', { viewer: { username: 'viewer', password: passwords.viewer }, operator: { username: 'operator', password: passwords.operator } });
}

export async function teardown(): Promise<void> {
  await hub?.stop();
  await feed?.stop();
  await server?.close();
  data.remove();
}
