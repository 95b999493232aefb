import { afterEach, describe, expect, it } from 'vitest';
import { nodeWorkerPort } from '../core/nodeWorkerPort';
import { SimCancelledError } from '../core/SimCancelledError';
import { FLOOD_BAND_NODE_ENTRY } from './createFloodRunnerNode';
import type { FloodParams } from './FloodParams';
import { FloodSolver } from './FloodSolver';
import { ParallelFloodSolver } from './ParallelFloodSolver';
import { syntheticGrid } from './syntheticGrid';

const W = 90, H = 67;
const grid = syntheticGrid(W, H, 5, (i, j) => 0.01 * i + 0.3 * Math.sin(i * 0.3) * Math.sin(j * 0.2), (i, j) => i > 40 && i < 50 && j > 30 && j < 45);
const params: Partial<FloodParams> = {
  theta: 0.8, rainfallMmPerH: { timesS: [0, 300, 900], values: [80, 150, 0], mode: 'step' }, drainageMmPerH: 20,
  inflows: [{ id: 'river', cells: [33 * W + 1, 34 * W + 1], dischargeM3PerS: { timesS: [0, 600], values: [0, 6], mode: 'linear' } }],
  boundaries: { west: 'closed', east: 'open', south: 'open', north: 'open' },
};
const spawn = () => nodeWorkerPort(FLOOD_BAND_NODE_ENTRY);
const open: ParallelFloodSolver[] = [];
afterEach(() => { open.splice(0).forEach((s) => s.dispose()); });

describe('ParallelFloodSolver', () => {
  it('gives the same bits as the single-thread solver with 2 and 3 workers', async () => {
    const single = new FloodSolver(grid, params);
    await single.advance(400);
    await single.advance(1200);
    for (const workers of [2, 3]) {
      const p = await ParallelFloodSolver.create(grid, params, { workers, spawn });
      open.push(p);
      await p.advance(400);
      await p.advance(1200);
      expect(p.steps).toBe(single.steps);
      expect(p.timeS).toBe(single.timeS);
      expect(Buffer.from(p.readDepth().buffer).equals(Buffer.from(single.readDepth().buffer))).toBe(true);
      expect(Buffer.from(p.readMaxDepth().buffer).equals(Buffer.from(single.readMaxDepth().buffer))).toBe(true);
      expect(p.massBalance()).toEqual(single.massBalance());
      expect(p.massBalance().relativeError).toBeLessThan(1e-12);
    }
  });

  it('cancels mid-chunk through an AbortSignal and can resume afterwards', async () => {
    const big = syntheticGrid(200, 200, 5, (i, j) => 0.001 * (i + j));
    const p = await ParallelFloodSolver.create(big, { rainfallMmPerH: { timesS: [0], values: [100], mode: 'step' } }, { workers: 2, spawn });
    open.push(p);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 150);
    const err = await p.advance(1e7, { signal: ac.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimCancelledError);
    expect(p.timeS).toBeGreaterThan(0);
    expect(p.timeS).toBeLessThan(1e7);
    const t = p.timeS;
    await p.advance(t + 60);
    expect(p.timeS).toBe(t + 60);
    expect(p.massBalance().relativeError).toBeLessThan(1e-12);
  });

  it('rejects when a worker cannot start, naming the cause', async () => {
    const bad = () => nodeWorkerPort(new URL('./noSuchBandWorker.ts', import.meta.url));
    await expect(ParallelFloodSolver.create(grid, params, { workers: 2, spawn: bad })).rejects.toThrow(/noSuchBandWorker|Cannot find module|exited/);
  });
});
