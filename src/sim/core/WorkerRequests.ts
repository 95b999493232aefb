import type { WorkerEndpoint, WorkerPort } from './WorkerPort';

interface Request { id: number; type: string; payload: unknown }
interface Reply { id: number; ok: boolean; value?: unknown; error?: string }

/**
 * Request/reply over a set of worker ports: `all` sends one request per worker and resolves with
 * the replies in worker order; a failed handler or a crashed worker rejects every pending request.
 */
export class WorkerRequests {
  private readonly ports: WorkerPort[];
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private nextId = 1;
  private failure: Error | null = null;
  private disposed = false;

  constructor(ports: WorkerPort[]) {
    this.ports = ports;
    for (const port of ports) {
      port.onMessage((m) => this.settle(m as Reply));
      port.onError((e) => this.fail(e));
    }
  }

  get size(): number { return this.ports.length; }

  /** Sends `type` with payloads[w] to worker w; resolves with all replies (in worker order). */
  all<T>(type: string, payloads: unknown[]): Promise<T[]> {
    if (this.disposed) return Promise.reject(new Error('WorkerRequests: used after dispose()'));
    if (this.failure) return Promise.reject(this.failure);
    return Promise.all(this.ports.map((port, w) => new Promise<T>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      port.postMessage({ id, type, payload: payloads[w] } satisfies Request);
    })));
  }

  private settle(reply: Reply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(reply.error ?? 'worker request failed'));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** Terminates every worker; pending requests reject. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.fail(new Error('WorkerRequests: disposed'));
    for (const port of this.ports) port.terminate();
  }
}

/** The worker side: answers each request with handlers[type](payload) (sync or async). */
export function serveRequests(endpoint: WorkerEndpoint, handlers: Record<string, (payload: never) => unknown>): void {
  endpoint.onMessage(async (m) => {
    const { id, type, payload } = m as Request;
    try {
      const handler = handlers[type];
      if (!handler) throw new Error(`unknown request type "${type}"`);
      endpoint.postMessage({ id, ok: true, value: await handler(payload as never) } satisfies Reply);
    } catch (err) {
      endpoint.postMessage({ id, ok: false, error: (err as Error).stack ?? String(err) } satisfies Reply);
    }
  });
}
