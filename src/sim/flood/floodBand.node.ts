/** Node worker_threads entry of one flood band (see ParallelFloodSolver); tsx loads it in node. */
import { parentPort } from 'node:worker_threads';
import { serveFloodBand } from './serveFloodBand';

if (!parentPort) throw new Error('floodBand.node.ts must run as a worker_threads Worker');
const port = parentPort;
serveFloodBand({ postMessage: (m) => port.postMessage(m), onMessage: (h) => { port.on('message', h); } });
