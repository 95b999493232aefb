import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Requests to any origin other than the page's own. */
  offOrigin: string[];
  close(): Promise<void>;
}

/**
 * Debian Chromium, headless, software WebGL (SwiftShader), fresh profile, reduced motion; records console errors
 * and every request that leaves the app's origin. With `login`, logs that person in through the
 * session API first (the context keeps the HttpOnly cookie, as after using the login form).
 */
export async function launchBrowser(baseUrl: string, viewport = { width: 800, height: 560 }, login?: { username: string; password: string }): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'twin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    // Camera flights become cuts (CesiumWorkspace.motionSeconds): on software WebGL each flight
    // frame costs about half a second of a core, and the tests wait on where the camera ends up.
    reducedMotion: 'reduce',
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
  if (login) {
    const res = await context.request.post(`${baseUrl}/api/login`, { data: { ...login, tab: 'testlogin' }, headers: { origin: new URL(baseUrl).origin } });
    if (!res.ok()) throw new Error(`launchBrowser: login of ${login.username} failed: ${res.status()} ${await res.text()}`);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [], offOrigin: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) offOrigin.push(u);
  });
  return {
    context, page, errors, offOrigin,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}
