import type { Connect, Plugin } from 'vite';
import { resolveUnder, sendFile } from '../../src/server/http/serveStaticFile.ts';

/** The request's path, or null when it is not under `/tilesets/`. */
function tilesetPath(url: string | undefined): string | null {
  const path = (url ?? '').split('?')[0];
  return path.startsWith('/tilesets/') ? path.slice('/tilesets/'.length) : null;
}

/**
 * Serves `<root>/**` at `/tilesets/**` in `vite` and `vite preview`, without bundling it: only
 * files below root (a sibling folder such as `tilesets-x` is outside), 400 for a malformed path,
 * 404 for anything missing, in plain text without server paths; ETag, Last-Modified and Range.
 */
export function serveTilesets(root: string): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const path = tilesetPath(req.url);
    if (path === null) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
      res.end('method not allowed\n');
      return;
    }
    const r = resolveUnder(root, path);
    if ('status' in r) {
      res.writeHead(r.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(`${r.message}\n`);
      return;
    }
    sendFile(req, res, r.file, r.stat, { 'Cross-Origin-Resource-Policy': 'same-origin' });
  };
  return {
    name: 'rongcheng:serve-tilesets',
    configureServer: (server) => { server.middlewares.use(middleware); },
    configurePreviewServer: (server) => { server.middlewares.use(middleware); },
  };
}
