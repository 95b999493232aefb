import { nodeWorkerPort } from '../../../sim/core/nodeWorkerPort';
import type { WorkerPort } from '../../../sim/core/WorkerPort';
import type { TileJob } from './tileContent';
import { TileWriter, type TileWriterSetup, type WrittenTile } from './TileWriter';

type Reply = { id: number; tile?: WrittenTile; error?: string };

/** Jobs queued at each worker: the next one is there when a tile is done, so no worker waits for this thread. */
const JOBS_AHEAD_PER_WORKER = 2;

/**
 * Writes every job of `jobs` (pulled lazily: a job is made only when a worker has room, so at most
 * JOBS_AHEAD_PER_WORKER jobs per worker are in memory) on `workers` worker_threads, or in this
 * thread for 0.
 * `onTile` hears each written tile as it lands; the first failure, or `signal` aborting, stops the
 * run between tiles and rejects.
 */
export async function writeTiles(
  jobs: Iterator<TileJob>, setup: TileWriterSetup, workers: number, onTile: (tile: WrittenTile) => void, signal?: AbortSignal,
): Promise<void> {
  if (workers <= 0) {
    const writer = new TileWriter(setup);
    for (let r = jobs.next(); !r.done; r = jobs.next()) {
      signal?.throwIfAborted();
      onTile(writer.write(r.value));
      await new Promise((resolve) => setImmediate(resolve)); // let an abort (or the caller's progress) in between tiles
    }
    return;
  }
  const ports: WorkerPort[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let nextId = 0, busy = 0, exhausted = false, failed = false;
      const fail = (err: Error) => { if (!failed) { failed = true; reject(err); } };
      const feed = (port: WorkerPort) => {
        if (failed) return;
        if (signal?.aborted) { fail(signal.reason instanceof Error ? signal.reason : new Error('tiling aborted')); return; }
        let r: IteratorResult<TileJob>;
        try { r = jobs.next(); } catch (err) { fail(err as Error); return; }
        if (r.done) { exhausted = true; if (busy === 0) resolve(); return; }
        busy++;
        port.postMessage({ type: 'job', id: nextId++, job: r.value });
      };
      for (let w = 0; w < workers; w++) {
        const port = nodeWorkerPort(new URL('./tileWriter.node.ts', import.meta.url));
        ports.push(port);
        port.onError(fail);
        port.onMessage((raw) => {
          const m = raw as Reply;
          busy--;
          if (m.error !== undefined) { fail(new Error(m.error)); return; }
          onTile(m.tile!);
          if (exhausted) { if (busy === 0) resolve(); } else feed(port);
        });
        port.postMessage({ type: 'setup', setup });
      }
      for (let k = 0; k < JOBS_AHEAD_PER_WORKER; k++) for (const port of ports) feed(port);
    });
  } finally {
    for (const p of ports) p.terminate();
  }
}
