/**
 * The one way the app talks to its workers (Squoosh's worker bridge): each worker exposes one
 * plain object over comlink (`export type XApi = typeof api`) and its client holds a
 * WorkerBridge<XApi>, typed from that object. The worker starts on the first call; calls can be
 * queued one at a time; an aborted AbortSignal rejects the call at once and either terminates the
 * worker (restarted, with `onStart` replaying its state, on the next call) or asks it to stop.
 */
import { wrap, type Remote } from 'comlink';
import type { WorkerLike } from '../WorkerLike';

export interface BridgeOptions<Api> {
  /** Names the worker in errors. */
  name: string;
  /** Runs on every (re)start before any call: replays what a fresh worker must hold (comlink keeps order). */
  onStart?: (api: Remote<Api>) => void;
  /**
   * How an aborted call stops: 'terminate' (the default: a computation that cannot be interrupted
   * dies with its worker) or a function asking the worker to stop the call with this id.
   */
  abort?: 'terminate' | ((api: Remote<Api>, callId: number) => void);
  /** One call at a time, in order: a call starts when the previous one settled. */
  queue?: boolean;
}

export class WorkerBridge<Api> {
  private worker: WorkerLike | null = null;
  private remote: Remote<Api> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private nextCallId = 1;
  private disposed = false;
  /** Rejecters of the calls in flight: a worker that dies (a crash, a script that does not load) fails them. */
  private readonly inFlight = new Set<(err: Error) => void>();

  constructor(private readonly spawn: () => WorkerLike, private readonly opts: BridgeOptions<Api>) {}

  /** True while a worker is running. */
  get running(): boolean { return this.worker !== null; }

  /** The worker's API, starting it (and replaying its state) when needed. */
  get api(): Remote<Api> {
    if (this.disposed) throw new Error(`${this.opts.name}: disposed`);
    if (!this.remote) {
      const worker = (this.worker = this.spawn());
      worker.addEventListener('error', (e) => this.crashed(worker, (e as ErrorEvent).message));
      this.remote = wrap<Api>(worker);
      this.opts.onStart?.(this.remote);
    }
    return this.remote;
  }

  /**
   * Runs `call` on the worker's API (after the calls before it, when queued); `callId` names the
   * call to the worker for a cooperative abort. Rejects with an AbortError when `signal` aborts.
   */
  call<T>(call: (api: Remote<Api>, callId: number) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const start = () => this.start(call, signal);
    if (!this.opts.queue) return start();
    const run = this.tail.then(start, start);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private start<T>(call: (api: Remote<Api>, callId: number) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) {
      if (this.opts.abort === undefined || this.opts.abort === 'terminate') this.stop();
      return Promise.reject(abortError(this.opts.name));
    }
    const api = this.api, id = this.nextCallId++;
    let fail: (err: Error) => void = () => {};
    const crashed = new Promise<never>((_, reject) => { fail = reject; });
    this.inFlight.add(fail);
    const pending = Promise.race([call(api, id), crashed]).finally(() => this.inFlight.delete(fail));
    if (!signal) return pending;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const abort = this.opts.abort ?? 'terminate';
        if (abort === 'terminate') { this.stop(); reject(abortError(this.opts.name)); }
        else abort(api, id);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(
        (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
        (e) => { signal.removeEventListener('abort', onAbort); reject(signal.aborted ? abortError(this.opts.name) : e); },
      );
    });
  }

  private crashed(worker: WorkerLike, message: string | undefined): void {
    if (worker !== this.worker) return;
    this.stop();
    const err = new Error(`${this.opts.name} failed: ${message || 'the worker crashed or its script did not load'}`);
    for (const fail of [...this.inFlight]) fail(err);
  }

  /** Terminates the worker; the next call starts a fresh one. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }

  /** Terminates the worker for good; safe to call twice. */
  dispose(): void {
    this.disposed = true;
    this.stop();
  }
}

/** The error an aborted call rejects with (name 'AbortError', like fetch). */
export function abortError(what: string): Error {
  const message = `${what}: call aborted`;
  return typeof DOMException !== 'undefined' ? new DOMException(message, 'AbortError') : Object.assign(new Error(message), { name: 'AbortError' });
}
