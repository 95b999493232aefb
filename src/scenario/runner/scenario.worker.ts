/**
 * Web Worker entry of the scenario job pool (the browser's side of WorkerPoolExecutor): each
 * worker runs one scenario run at a time with serveJobs, the flood solver on its own thread.
 */
import { browserEnvironment } from '../run/browserEnvironment';
import { serveJobs } from './serveJobs';

const scope = self as unknown as DedicatedWorkerGlobalScope;
serveJobs({ postMessage: (m) => scope.postMessage(m), onMessage: (h) => scope.addEventListener('message', (e) => h(e.data)) }, browserEnvironment);
