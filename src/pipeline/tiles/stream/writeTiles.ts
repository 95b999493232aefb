import { nodeWorkerPort } from '../../../sim/core/nodeWorkerPort';
import type { WorkerPort } from '../../../sim/core/WorkerPort';
import type { TileJob } from './tileContent';
import { TileWriter, type TileWriterSetup, type WrittenTile } from './TileWriter';

type Reply = { id: number; tile?: WrittenTile; error?: string };

/**
 * Writes every job of `jobs` (pulled lazily: a job is made only when a writer is free, so at most
 * one job per worker is in memory) on `workers` worker_threads, or in this thread for 0.
 * `onTile` hears each written tile as it lands; the first failure stops the run and rejects.
 */
export async function writeTiles(
  jobs: Iterator<TileJob>, setup: TileWriterSetup, workers: number, onTile: (tile: WrittenTile) => void,
): Promise<void> {
  if (workers <= 0) {
    const writer = new TileWriter(setup);
    for (let r = jobs.next(); !r.done; r = jobs.next()) onTile(writer.write(r.value));
    return;
  }
  const ports: WorkerPort[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let nextId = 0, busy = 0, exhausted = false, failed = false;
      const fail = (err: Error) => { if (!failed) { failed = true; reject(err); } };
      const feed = (port: WorkerPort) => {
        if (failed) return;
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
      for (const port of ports) feed(port);
    });
  } finally {
    for (const p of ports) p.terminate();
  }
}
