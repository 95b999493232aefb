import { describe, expect, it } from 'vitest';
import { spawnNodeWorker } from '../spawnNodeWorker';
import { WorkerBridge } from './WorkerBridge';

/** A worker whose module throws at load: its calls must fail with the worker's name, not hang. */
const broken = new URL('data:text/javascript,throw new Error("boom at load")');

describe('WorkerBridge', () => {
  it('fails the calls of a worker that dies, naming it, and starts a fresh one for the next call', async () => {
    let starts = 0;
    const bridge = new WorkerBridge<{ ping(): string }>(() => { starts++; return spawnNodeWorker(broken); }, { name: 'test worker' });
    await expect(bridge.call((api) => api.ping())).rejects.toThrow(/test worker failed: .*boom at load/);
    expect(bridge.running).toBe(false);
    await expect(bridge.call((api) => api.ping())).rejects.toThrow(/test worker failed/);
    expect(starts).toBe(2);
    bridge.dispose();
    expect(() => bridge.api).toThrow(/test worker: disposed/);
  }, 30_000);
});
