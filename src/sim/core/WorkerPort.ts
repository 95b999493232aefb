/**
 * The little a worker pool needs from a worker, whatever runs it (a browser Web Worker, a node
 * worker_threads Worker): send a message, hear replies and failures, stop it.
 */
export interface WorkerPort {
  postMessage(message: unknown): void;
  onMessage(handler: (message: unknown) => void): void;
  /** A failure of the worker itself (a crash, a script that does not load). */
  onError(handler: (error: Error) => void): void;
  terminate(): void;
}

/** Wraps a browser Worker (created by the caller, so bundlers see `new Worker(new URL(...))`). */
export function webWorkerPort(worker: Worker): WorkerPort {
  return {
    postMessage: (m) => worker.postMessage(m),
    onMessage: (h) => worker.addEventListener('message', (e) => h((e as MessageEvent).data)),
    onError: (h) => {
      worker.addEventListener('error', (e) => h(new Error((e as ErrorEvent).message || 'worker failed to load or crashed')));
      worker.addEventListener('messageerror', () => h(new Error('worker message could not be deserialised')));
    },
    terminate: () => worker.terminate(),
  };
}

/** The worker side of a port: how a band worker's code receives requests and answers them. */
export interface WorkerEndpoint {
  postMessage(message: unknown): void;
  onMessage(handler: (message: unknown) => void): void;
}
