import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startTilesetsServer } from '../test/support/tilesetsServer';
import type { SimProgress } from '../src/sim/core/SimProgress';
import type { FloodFrame } from '../src/sim/flood/runFlood';
import type { FloodSetupInfo } from '../src/sim/flood/runFloodScenario';
import { SimClient } from './simClient';
import { spawnNodeWorker } from './spawnNodeWorker';

const spawnWorker = () => spawnNodeWorker(new URL('./sim.worker.ts', import.meta.url));

const small = JSON.parse(readFileSync('test/fixtures/sim/flood-small.json', 'utf8')) as Record<string, unknown>;

// The worker opens the scenario's city package by fetch, as in the browser: tilesets/ over loopback HTTP.
const server = await startTilesetsServer();
const runFlood = (client: SimClient, s: unknown, opts: Parameters<SimClient['runFlood']>[1] = {}) => client.runFlood(s, { tilesetsUrl: server.url, ...opts });

describe('SimClient', () => {
  const client = new SimClient(spawnWorker);
  afterAll(async () => { client.dispose(); await server.close(); });

  it('runs a flood scenario in the worker with progress, the grid once and transferred depth frames', async () => {
    const progress: SimProgress[] = [], frames: FloodFrame[] = [];
    let setup: FloodSetupInfo | null = null;
    const reply = await runFlood(client, small, { onProgress: (p) => progress.push(p), onSetup: (s) => { setup = s; }, onFrame: (f) => frames.push(f) });
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
    const reply = await runFlood(client, small);
    expect(reply.frames.map((f) => f.timeS)).toEqual([300, 600]);
    expect(reply.frames[0].depthM.length).toBe(3600);
  }, 60_000);

  it('cancels a run mid-way through its AbortSignal and then runs the next one', async () => {
    const long = { ...small, durationS: 36_000, outputIntervalS: 36_000 };
    const ac = new AbortController();
    let lastProgress = 0;
    const run = runFlood(client, long, { signal: ac.signal, onProgress: (p) => { lastProgress = p.simTimeS; if (p.simTimeS > 600) ac.abort(); } });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(lastProgress).toBeGreaterThan(600);
    expect(lastProgress).toBeLessThan(36_000);
    const next = await runFlood(client, small);
    expect(next.kpis.simulatedS).toBe(600);
  }, 60_000);

  it('reports validation errors naming the file and the JSON path', async () => {
    await expect(client.runFlood({ ...small, durationS: -1 }, { file: 'mine.json' })).rejects.toThrow(/mine\.json: \$\.durationS: expected a number in \[1, 2592000\] s, got -1/);
  }, 60_000);
});
