/** Node worker_threads entry of the scenario job pool (CLI, tests, bench); tsx loads it. */
import { parentPort } from 'node:worker_threads';
import { nodeEnvironment } from '../run/nodeEnvironment';
import { serveJobs } from './serveJobs';

if (!parentPort) throw new Error('scenarioJob.node.ts must run as a worker_threads Worker');
const port = parentPort;
serveJobs({ postMessage: (m) => port.postMessage(m), onMessage: (h) => { port.on('message', h); } }, nodeEnvironment);
