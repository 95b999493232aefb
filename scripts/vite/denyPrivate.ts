import type { Connect, Plugin } from 'vite';

/** Top-level folders of the repository that hold server configuration or data, never served. */
export const PRIVATE_FOLDERS = ['config', '.data', '.git'];
/** Files under config/ that the app itself imports (thresholds the display's rule engine runs): public by design. */
export const PUBLIC_CONFIG_FILES = ['config/signs/rules.json'];

/** True when a URL path (any encoding, any `?query`, `/@fs/` prefix or not) names a private folder's file. */
export function isPrivatePath(url: string | undefined, root: string): boolean {
  let path = (url ?? '').split('?')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    return true;
  }
  path = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  const fsPrefix = `/@fs${root.replace(/\\/g, '/').replace(/\/$/, '')}/`;
  if (path.startsWith(fsPrefix)) path = '/' + path.slice(fsPrefix.length);
  const segments = path.split('/').filter((seg) => seg && seg !== '.');
  if (PUBLIC_CONFIG_FILES.includes(segments.join('/'))) return false;
  return PRIVATE_FOLDERS.includes(segments[0] ?? '') || segments.includes('..') || /(^|\/)\.env(\.|$)/.test(path);
}

/**
 * Answers 404 for the repository's private folders (config/, .data/, ...) in `vite` and
 * `vite preview`, before Vite's own file serving: their files (feed limits, roles, accounts,
 * the token key) are the server's business. The app imports none of them except the listed
 * public ones (the rule thresholds, which are in the bundle anyway).
 */
export function denyPrivate(root: string): Plugin {
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    if (!isPrivatePath(req.url, root)) return next();
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  };
  return {
    name: 'rongcheng:deny-private',
    configureServer: (server) => { server.middlewares.use(middleware); },
    configurePreviewServer: (server) => { server.middlewares.use(middleware); },
  };
}
