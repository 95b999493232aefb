/** Web Worker entry of one flood band (see ParallelFloodSolver); started by workers/sim.worker.ts. */
import { serveFloodBand } from './serveFloodBand';

const scope = self as unknown as DedicatedWorkerGlobalScope;
serveFloodBand({ postMessage: (m) => scope.postMessage(m), onMessage: (h) => scope.addEventListener('message', (e) => h(e.data)) });
