import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerPort } from './WorkerPort';

/** File URL of tsx's ESM register API, so a worker can load TypeScript sources as the CLI does. */
function tsxApiUrl(): string {
  const req = createRequire(import.meta.url);
  const pkgPath = req.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const target = pkg.exports['./esm/api']?.import?.default;
  if (!target) throw new Error(`nodeWorkerPort: ${pkgPath} has no "./esm/api" import export; cannot load TypeScript workers`);
  return pathToFileURL(join(dirname(pkgPath), target)).href;
}

/**
 * Starts a node worker_threads Worker on `entry` (a .ts module is loaded through tsx's register API,
 * as under `npm run cli`, vitest and the bench; a .js/.mjs module directly). Node only: browser code
 * wraps Web Workers with webWorkerPort instead.
 */
export function nodeWorkerPort(entry: URL): WorkerPort {
  const worker = entry.pathname.endsWith('.ts')
    ? new Worker(`import(${JSON.stringify(tsxApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true })
    : new Worker(entry);
  return {
    postMessage: (m) => worker.postMessage(m),
    onMessage: (h) => { worker.on('message', h); },
    onError: (h) => {
      worker.on('error', h);
      worker.on('exit', (code) => { if (code !== 0) h(new Error(`worker ${entry.pathname} exited with code ${code}`)); });
    },
    terminate: () => { void worker.terminate(); },
  };
}
