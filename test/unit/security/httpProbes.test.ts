import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Connect } from 'vite';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTilesets } from '../../../scripts/vite/serveTilesets';
import { tempDataDir } from '../signs/feedTestKit';

const root = join(import.meta.dirname, '../../..');

/** GET with the path sent exactly as written (fetch would normalise `%2e%2e` and `//`). */
function rawGet(base: string, path: string): Promise<{ status: number; text: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dev server probe: config/ and .data/ are never served (issue 14 item 1), missing files are 404 (item 5)', () => {
  let vite: ViteDevServer, base: string;
  beforeAll(async () => {
    vite = await createViteServer({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', server: { port: 0, host: '127.0.0.1' }, optimizeDeps: { noDiscovery: true, include: [] } });
    await vite.listen();
    base = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
  });
  afterAll(async () => { await vite?.close(); });

  it.each([
    '/config/signs/feed.json', '/config/signs/feed.json?import', '/config/signs/feed.json?raw', '/%63onfig/signs/feed.json',
    '//config/signs/feed.json', '/./config/signs/feed.json', '/src/../config/signs/feed.json', `/@fs${root}/config/signs/feed.json`, '/.data/secrets.json', '/.data/accounts.json',
  ])('GET %s -> 404', async (path) => {
    const res = await rawGet(base, path);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('maxConnectBytes');
  });

  it('serves the one public config file the app imports (rule thresholds) as a module', async () => {
    const res = await rawGet(base, '/config/signs/rules.json?import');
    expect(res.status).toBe(200);
    expect(res.text).toContain('export');
  });

  it('answers 404 (not index.html) for missing files, and still serves the app at /', async () => {
    for (const path of ['/nope.js', '/nope.txt', '/assets/missing.png']) {
      const res = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(404);
    }
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Rongcheng Twin');
  });
});

describe('tilesets route probe (item 5)', () => {
  const data = tempDataDir('rc-tiles-');
  let server: Server, base: string;
  beforeAll(async () => {
    mkdirSync(join(data.dir, 'tilesets/demo'), { recursive: true });
    mkdirSync(join(data.dir, 'tilesets-x'), { recursive: true });
    writeFileSync(join(data.dir, 'tilesets/demo/tile.bin'), Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251)));
    writeFileSync(join(data.dir, 'tilesets-x/s.txt'), 'secret from a sibling folder');
    let mw: Connect.NextHandleFunction | null = null;
    const plugin = serveTilesets(join(data.dir, 'tilesets'));
    (plugin.configureServer as (s: unknown) => void)({ middlewares: { use: (fn: Connect.NextHandleFunction) => { mw = fn; } } });
    server = createServer((req, res) => mw!(req as Connect.IncomingMessage, res, () => { res.statusCode = 418; res.end(); }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => { await new Promise((r) => server.close(r)); data.remove(); });

  it('does not escape to a sibling folder', async () => {
    for (const path of ['/tilesets/..%2ftilesets-x%2fs.txt', '/tilesets/%2e%2e/tilesets-x/s.txt', '/tilesets/..%5ctilesets-x%5cs.txt', '/tilesets/demo/..%2f..%2ftilesets-x%2fs.txt']) {
      const res = await rawGet(base, path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('secret');
    }
  });

  it('answers a malformed path 400 with no stack and no server path', async () => {
    for (const path of ['/tilesets/%', '/tilesets/%E0%A4%A', '/tilesets/a%00b']) {
      const res = await rawGet(base, path);
      expect(res.status, path).toBe(400);
      expect(res.text).not.toMatch(/at |\/work\/|\/tmp\/|Error/);
    }
    const missing = await fetch(`${base}/tilesets/demo/none.glb`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('not found\n');
  });

  it('sends ETag and Last-Modified, 304 when current, 206 for a range, 416 past the end', async () => {
    const url = `${base}/tilesets/demo/tile.bin`;
    const full = await fetch(url);
    const etag = full.headers.get('etag')!, lastModified = full.headers.get('last-modified')!;
    expect(full.status).toBe(200);
    expect(etag).toMatch(/^W\/"3e8-[0-9a-f]+"$/);
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect((await full.arrayBuffer()).byteLength).toBe(1000);
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(url, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    const part = await fetch(url, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const tail = await fetch(url, { headers: { range: 'bytes=-3' } });
    expect(tail.headers.get('content-range')).toBe('bytes 997-999/1000');
    const past = await fetch(url, { headers: { range: 'bytes=5000-' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */1000');
    const stale = await fetch(url, { headers: { range: 'bytes=0-1', 'if-range': 'W/"old"' } });
    expect(stale.status).toBe(200);
  });
});
