import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';

const TYPES: Record<string, string> = {
  '.json': 'application/json', '.geojson': 'application/geo+json', '.glb': 'model/gltf-binary',
  '.bin': 'application/octet-stream', '.f32': 'application/octet-stream', '.subtree': 'application/octet-stream',
};

/** Serves `<root>/**` at `/tilesets/**` in `vite` and `vite preview`, without bundling it. */
export function serveTilesets(root: string): Plugin {
  const base = resolve(root);
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = (req.url ?? '').split('?')[0];
    if (!url.startsWith('/tilesets/')) return next();
    const file = normalize(join(base, decodeURIComponent(url.slice('/tilesets/'.length))));
    if (!file.startsWith(base)) { res.statusCode = 403; res.end('forbidden'); return; }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.statusCode = 404;
      res.end(`not found: ${url}`);
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(size));
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-cache');
    createReadStream(file).pipe(res);
  };
  return {
    name: 'rongcheng:serve-tilesets',
    configureServer: (server) => { server.middlewares.use(middleware); },
    configurePreviewServer: (server) => { server.middlewares.use(middleware); },
  };
}
