import { createReadStream, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.json': 'application/json', '.geojson': 'application/geo+json', '.glb': 'model/gltf-binary',
  '.bin': 'application/octet-stream', '.f32': 'application/octet-stream', '.subtree': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
};

/** The file under `base` a URL path names, or an HTTP status: 400 malformed, 404 outside or missing. */
export function resolveUnder(base: string, urlPath: string): { file: string; stat: Stats } | { status: 400 | 404; message: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, message: 'malformed percent-encoding in the path' };
  }
  if (decoded.includes('\0')) return { status: 400, message: 'NUL in the path' };
  const root = resolve(base);
  const file = resolve(root, `.${sep}${decoded}`);
  const rel = relative(root, file);
  // Inside means below root: not root itself, no '..' step, not another drive (sibling folders such as root + '-x' are outside).
  if (!rel || isAbsolute(rel) || rel.split(sep).includes('..')) return { status: 404, message: 'not found' };
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { status: 404, message: 'not found' };
    return { file, stat };
  } catch {
    return { status: 404, message: 'not found' };
  }
}

/** Weak validator from size and modification time (what nginx and Vite's static server use). */
export function etagOf(stat: Stats): string {
  return `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
}

/** A single byte range of `size` from a Range header: [start, end] inclusive, 'unsatisfiable', or null (serve whole). */
export function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null; // multi-range or malformed: RFC 9110 lets us send the whole file
  let start: number, end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return [start, end];
}

function notModified(req: IncomingMessage, etag: string, stat: Stats): boolean {
  const inm = req.headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => t.trim() === etag || t.trim() === '*');
  const ims = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(ims) && Math.floor(stat.mtimeMs / 1000) * 1000 <= ims;
}

/**
 * Answers GET/HEAD for one file with Content-Type, ETag, Last-Modified and Accept-Ranges:
 * 304 when the client's copy is current, 206 for a single byte range (416 when it lies past the
 * end; If-Range honoured). `no-cache`: the client may keep tiles but revalidates (cheap with 304),
 * so a rebuilt city shows at once.
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stat: Stats, headers: Record<string, string> = {}): void {
  const etag = etagOf(stat);
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', new Date(stat.mtimeMs).toUTCString());
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (notModified(req, etag, stat)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const ifRange = req.headers['if-range'];
  const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.range, stat.size);
  if (range === 'unsatisfiable') {
    res.statusCode = 416;
    res.setHeader('Content-Range', `bytes */${stat.size}`);
    res.end();
    return;
  }
  const [start, end] = range ?? [0, stat.size - 1];
  res.statusCode = range ? 206 : 200;
  if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${stat.size}`);
  res.setHeader('Content-Length', String(stat.size ? end - start + 1 : 0));
  if (req.method === 'HEAD' || stat.size === 0) {
    res.end();
    return;
  }
  createReadStream(file, { start, end }).on('error', () => res.destroy()).pipe(res);
}
