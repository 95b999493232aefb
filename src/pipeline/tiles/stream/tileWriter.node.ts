/** Node worker_threads entry of the building tiler: writes the tiles it is sent (tsx loads it). */
import { parentPort } from 'node:worker_threads';
import { TileWriter, type TileWriterSetup } from './TileWriter';
import type { TileJob } from './tileContent';

if (!parentPort) throw new Error('tileWriter.node.ts must run as a worker_threads Worker');
const port = parentPort;
let writer: TileWriter | null = null;
port.on('message', (m: { type: 'setup'; setup: TileWriterSetup } | { type: 'job'; id: number; job: TileJob }) => {
  if (m.type === 'setup') { writer = new TileWriter(m.setup); return; }
  try {
    if (!writer) throw new Error('tileWriter: job before setup');
    port.postMessage({ id: m.id, tile: writer.write(m.job) });
  } catch (err) {
    port.postMessage({ id: m.id, error: (err as Error).message });
  }
});
