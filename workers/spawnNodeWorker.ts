/**
 * Node (CLI, tests, benches): a real worker_threads Worker running a module Web Worker's entry, with the
 * globals a browser worker has (postMessage, add/removeEventListener, WorkerGlobalScope) mapped
 * onto parentPort through comlink's node adapter, and tsx registered so the entry can be .ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerLike } from './WorkerLike';

const require = createRequire(import.meta.url);

/** file: URL of a package's ESM export (`exportKey` as in its package.json `exports`). */
function moduleUrl(pkg: string, exportKey: string): string {
  const pkgPath = require.resolve(`${pkg}/package.json`);
  const json = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  return pathToFileURL(join(dirname(pkgPath), json.exports[exportKey].import!.default!)).href;
}

/** Starts the worker entry at `entry` (e.g. new URL('./route.worker.ts', import.meta.url)). */
export function spawnNodeWorker(entry: URL): WorkerLike {
  const adapter = pathToFileURL(require.resolve('comlink/dist/esm/node-adapter.mjs')).href;
  const code = `
    const { parentPort } = await import('node:worker_threads');
    const ep = (await import(${JSON.stringify(adapter)})).default(parentPort);
    globalThis.WorkerGlobalScope = class {};
    globalThis.postMessage = (m, t) => ep.postMessage(m, t);
    globalThis.addEventListener = (t, h) => ep.addEventListener(t, h);
    globalThis.removeEventListener = (t, h) => ep.removeEventListener(t, h);
    (await import(${JSON.stringify(moduleUrl('tsx', './esm/api'))})).register();
    await import(${JSON.stringify(entry.href)});`;
  const w = new Worker(`(async () => { ${code} })()`, { eval: true });
  const listeners = new Map<unknown, (data: unknown) => void>();
  return {
    postMessage: (m: unknown, t?: Transferable[]) => w.postMessage(m, t as never),
    addEventListener: (type: string, h: EventListenerOrEventListenerObject) => {
      const call = (e: object) => ('handleEvent' in h ? h.handleEvent(e as Event) : h(e as Event));
      // 'error': the worker's uncaught exception, as a Web Worker's ErrorEvent carries it.
      const l = type === 'error' ? (err: unknown) => call({ message: (err as Error)?.message ?? String(err) }) : (data: unknown) => call({ data });
      listeners.set(h, l);
      w.on(type === 'error' ? 'error' : 'message', l);
    },
    removeEventListener: (type: string, h: EventListenerOrEventListenerObject) => {
      const l = listeners.get(h);
      if (l) w.off(type === 'error' ? 'error' : 'message', l);
      listeners.delete(h);
    },
    terminate: () => void w.terminate(),
  };
}
