import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { TILESETS_DIR } from '../../src/pipeline/package/openCityPackage';

/**
 * Serves tilesets/ over HTTP on a free loopback port, as the app's server does at /tilesets, for
 * code that opens city packages by fetch (Web Worker code run in node worker threads).
 */
export async function startTilesetsServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const file = normalize(join(TILESETS_DIR, decodeURIComponent((req.url ?? '').split('?')[0])));
    try {
      if (!file.startsWith(TILESETS_DIR) || !statSync(file).isFile()) throw new Error('not a file');
    } catch {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
