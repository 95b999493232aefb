import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { SimProgress } from '../src/sim/core/SimProgress';
import type { FloodFrame } from '../src/sim/flood/runFlood';
import type { FloodSetupInfo } from '../src/sim/flood/runFloodScenario';
import { SimClient, type WorkerLike } from './simClient';

const require = createRequire(import.meta.url);

function moduleUrl(pkg: string, exportKey: string): string {
  const pkgPath = require.resolve(`${pkg}/package.json`);
  const json = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  return pathToFileURL(join(dirname(pkgPath), json.exports[exportKey].import!.default!)).href;
}

/** A real worker thread running workers/sim.worker.ts with a browser worker's globals mapped onto parentPort. */
function spawnNodeWorker(): WorkerLike {
  const adapter = pathToFileURL(require.resolve('comlink/dist/esm/node-adapter.mjs')).href;
  const entry = new URL('./sim.worker.ts', import.meta.url).href;
  const code = `
    const { parentPort } = await import('node:worker_threads');
    const ep = (await import(${JSON.stringify(adapter)})).default(parentPort);
    globalThis.postMessage = (m, t) => ep.postMessage(m, t);
    globalThis.addEventListener = (t, h) => ep.addEventListener(t, h);
    globalThis.removeEventListener = (t, h) => ep.removeEventListener(t, h);
    (await import(${JSON.stringify(moduleUrl('tsx', './esm/api'))})).register();
    await import(${JSON.stringify(entry)});`;
  const w = new Worker(`(async () => { ${code} })()`, { eval: true });
  const listeners = new Map<unknown, (data: unknown) => void>();
  return {
    postMessage: (m: unknown, t?: Transferable[]) => w.postMessage(m, t as never),
    addEventListener: (_: string, h: EventListenerOrEventListenerObject) => {
      const l = (data: unknown) => ('handleEvent' in h ? h.handleEvent({ data } as MessageEvent) : h({ data } as MessageEvent));
      listeners.set(h, l);
      w.on('message', l);
    },
    removeEventListener: (_: string, h: EventListenerOrEventListenerObject) => {
      const l = listeners.get(h);
      if (l) w.off('message', l);
      listeners.delete(h);
    },
    terminate: () => void w.terminate(),
  };
}

const small = JSON.parse(readFileSync('test/fixtures/sim/flood-small.json', 'utf8')) as Record<string, unknown>;

describe('SimClient', () => {
  const client = new SimClient(spawnNodeWorker);
  afterAll(() => client.dispose());

  it('runs a flood scenario in the worker with progress, the grid once and transferred depth frames', async () => {
    const progress: SimProgress[] = [], frames: FloodFrame[] = [];
    let setup: FloodSetupInfo | null = null;
    const reply = await client.runFlood(small, { onProgress: (p) => progress.push(p), onSetup: (s) => { setup = s; }, onFrame: (f) => frames.push(f) });
    expect(reply.workers).toBe(1);
    expect(reply.kpis.massBalanceError).toBeLessThan(1e-12);
    expect(reply.kpis.simulatedS).toBe(600);
    expect(setup!.grid).toMatchObject({ width: 60, height: 60, cellSizeM: 5, xMinM: -600, yMinM: -900, originLonDeg: 104.06 });
    expect(setup!.bedM).toBeInstanceOf(Float32Array);
    expect(setup!.bedM.length).toBe(3600);
    expect(frames.map((f) => f.timeS)).toEqual([300, 600]);
    expect(frames[1].depthM).toBeInstanceOf(Float32Array);
    expect(frames[1].depthM.length).toBe(3600);
    expect(Math.max(...frames[1].depthM)).toBeGreaterThan(0);
    expect(reply.frames).toEqual([]);
    expect(reply.maxDepthM.length).toBe(3600);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1].fraction).toBe(1);
  }, 60_000);

  it('returns the frames in the reply when no onFrame is given', async () => {
    const reply = await client.runFlood(small);
    expect(reply.frames.map((f) => f.timeS)).toEqual([300, 600]);
    expect(reply.frames[0].depthM.length).toBe(3600);
  }, 60_000);

  it('cancels a run mid-way through its AbortSignal and then runs the next one', async () => {
    const long = { ...small, durationS: 36_000, outputIntervalS: 36_000 };
    const ac = new AbortController();
    let lastProgress = 0;
    const run = client.runFlood(long, { signal: ac.signal, onProgress: (p) => { lastProgress = p.simTimeS; if (p.simTimeS > 600) ac.abort(); } });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(lastProgress).toBeGreaterThan(600);
    expect(lastProgress).toBeLessThan(36_000);
    const next = await client.runFlood(small);
    expect(next.kpis.simulatedS).toBe(600);
  }, 60_000);

  it('reports validation errors naming the file and the JSON path', async () => {
    await expect(client.runFlood({ ...small, durationS: -1 }, { file: 'mine.json' })).rejects.toThrow(/mine\.json: \$\.durationS: expected a number in \[1, 2592000\] s, got -1/);
  }, 60_000);
});
