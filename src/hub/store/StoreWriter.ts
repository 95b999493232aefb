import { Emitter } from '../../signs/events/Emitter';
import type { HubStore, ReadingRows } from './HubStore';

/** What the hub tells displays about its store (on its status topic). */
export interface StoreStatus {
  state: 'ok' | 'retrying' | 'closed';
  /** Readings and other writes waiting for the store. */
  pendingReadings: number;
  pendingWrites: number;
  writtenReadings: number;
  /** Readings dropped because the buffer was full while the store was away. */
  droppedReadings: number;
  lastError: string | null;
  /** Last successful write (epoch ms), null before one. */
  lastOkMs: number | null;
}

export interface StoreWriterOptions {
  /** Flush period (ms), default 500. */
  flushMs?: number;
  /** Readings per INSERT, default 20000. */
  batchSize?: number;
  /** Readings held at most while the store is away; the oldest go first past it. Default 2,000,000. */
  maxBufferedReadings?: number;
  /** Ceiling of the retry back-off (ms), default 5000. */
  maxBackoffMs?: number;
}

/**
 * Puts the hub's writes into the store without ever blocking ingest: readings are buffered in
 * columns and inserted in batches; alert changes, commands and snapshots are queued in order.
 * When the store fails (a PostgreSQL restart) everything waits and is retried with back-off; the
 * state ('retrying', the error, what is pending) goes to 'status' listeners, and the buffer
 * catches up when the store is back. Only raw readings are ever dropped, and only past
 * maxBufferedReadings; alert changes and commands are kept until written.
 */
export class StoreWriter {
  readonly events = new Emitter<{ status: StoreStatus }>();
  readonly status: StoreStatus = { state: 'ok', pendingReadings: 0, pendingWrites: 0, writtenReadings: 0, droppedReadings: 0, lastError: null, lastOkMs: null };
  private rows: ReadingRows = { sensorIds: [], timesMs: [], values: [] };
  private readonly writes: Array<{ what: string; run: () => Promise<unknown>; done: () => void }> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private closed = false;
  private readonly o: Required<StoreWriterOptions>;

  constructor(private readonly store: HubStore, opts: StoreWriterOptions = {}) {
    this.o = { flushMs: 500, batchSize: 20_000, maxBufferedReadings: 2_000_000, maxBackoffMs: 5000, ...opts };
    this.schedule(this.o.flushMs);
  }

  addReading(sensorId: string, timeMs: number, value: number): void {
    const r = this.rows;
    r.sensorIds.push(sensorId);
    r.timesMs.push(timeMs);
    r.values.push(value);
    if (r.sensorIds.length > this.o.maxBufferedReadings) {
      // Drop a tenth at once: one splice per 10% instead of one per reading.
      const drop = r.sensorIds.length - Math.floor(this.o.maxBufferedReadings * 0.9);
      r.sensorIds.splice(0, drop); r.timesMs.splice(0, drop); r.values.splice(0, drop);
      this.status.droppedReadings += drop;
    }
  }

  /** Queues a write (kept in order, retried until it succeeds); resolves once it is written. */
  enqueue(what: string, run: () => Promise<unknown>): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`StoreWriter: closed, cannot queue ${what}`));
    return new Promise((done) => {
      this.writes.push({ what, run, done });
      // Alert changes and commands go at once (a QoS 1 acknowledgement may wait for them); while
      // the store is away the back-off timer decides.
      if (this.failures === 0) queueMicrotask(() => { void this.flush(); });
    });
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => { this.timer = null; void this.flush(); }, ms);
    this.timer.unref?.();
  }

  /** Writes what is pending now; resolves when done or failed (then retried later). */
  flush(): Promise<void> {
    this.running ??= this.drain().finally(() => { this.running = null; });
    return this.running;
  }

  private async drain(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    try {
      while (this.writes.length) {
        await this.writes[0].run();
        this.writes.shift()!.done();
      }
      await this.writeReadings();
      this.failures = 0;
      this.report('ok', null);
      this.schedule(this.o.flushMs);
    } catch (err) {
      this.failures++;
      this.report('retrying', `${this.writes[0]?.what ?? 'readings'}: ${(err as Error).message}`);
      this.schedule(Math.min(this.o.maxBackoffMs, 250 * 2 ** Math.min(this.failures, 10)));
    }
  }

  /** Takes the buffer and inserts it in batches; on a failure puts the unwritten rest back in front. */
  private async writeReadings(): Promise<void> {
    const r = this.rows;
    this.rows = { sensorIds: [], timesMs: [], values: [] };
    let done = 0;
    try {
      while (done < r.sensorIds.length) {
        const end = Math.min(done + this.o.batchSize, r.sensorIds.length);
        await this.store.insertReadings({ sensorIds: r.sensorIds.slice(done, end), timesMs: r.timesMs.slice(done, end), values: r.values.slice(done, end) });
        this.status.writtenReadings += end - done;
        done = end;
      }
    } catch (err) {
      const rest = this.rows;
      this.rows = { sensorIds: r.sensorIds.slice(done).concat(rest.sensorIds), timesMs: r.timesMs.slice(done).concat(rest.timesMs), values: r.values.slice(done).concat(rest.values) };
      throw err;
    }
  }

  private report(state: StoreStatus['state'], error: string | null): void {
    const s = this.status, changed = s.state !== state || s.lastError !== error;
    s.state = state;
    s.lastError = error;
    if (state === 'ok') s.lastOkMs = Date.now();
    s.pendingReadings = this.rows.sensorIds.length;
    s.pendingWrites = this.writes.length;
    if (changed) this.events.emit('status', s);
  }

  /** For fault tests: stops at once, dropping what is pending, as a crashed process would. */
  abandon(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.writes.length = 0;
    this.rows = { sensorIds: [], timesMs: [], values: [] };
  }

  /** Writes what is pending (waiting up to timeoutMs for a store that is away), then stops. */
  async close(timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until && (this.writes.length || this.rows.sensorIds.length)) {
      await this.flush();
      if (this.writes.length || this.rows.sensorIds.length) await new Promise((r) => setTimeout(r, 100));
    }
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.report('closed', this.status.lastError);
    this.events.dispose();
  }
}
