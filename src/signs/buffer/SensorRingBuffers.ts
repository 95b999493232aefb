/**
 * Per-sensor ring buffers of (time, value) in two shared typed arrays (Float64 epoch ms, Float32
 * value); sensor s owns slots [offsets[s], offsets[s] + capacities[s]). Fixed capacity, nothing
 * allocated per reading. Samples stay in time order: a late reading (QoS 1 redelivery after an
 * outage) is inserted in place; a repeat of a stored time is refused as a duplicate.
 */
export const PUSH_APPENDED = 0;
export const PUSH_INSERTED = 1;
export const PUSH_DUPLICATE = -1;
/** The buffer is full and the reading is older than everything in it. */
export const PUSH_TOO_OLD = -2;

export class SensorRingBuffers {
  readonly timesMs: Float64Array;
  readonly values: Float32Array;
  readonly offsets: Int32Array;
  readonly capacities: Int32Array;
  /** Slot (relative to offset) the next newest sample goes to. */
  readonly heads: Int32Array;
  readonly counts: Int32Array;

  /** One buffer per sensor with the given capacities (samples, each >= 2). */
  constructor(capacities: ArrayLike<number>) {
    const n = capacities.length;
    this.capacities = Int32Array.from(capacities as ArrayLike<number>);
    this.offsets = new Int32Array(n);
    let total = 0;
    for (let s = 0; s < n; s++) {
      if (!(this.capacities[s] >= 2)) throw new Error(`capacities[${s}]: expected an integer >= 2, got ${capacities[s]}`);
      this.offsets[s] = total;
      total += this.capacities[s];
    }
    this.timesMs = new Float64Array(total);
    this.values = new Float32Array(total);
    this.heads = new Int32Array(n);
    this.counts = new Int32Array(n);
  }

  get sensorCount(): number {
    return this.counts.length;
  }

  /** Absolute slot of the k-th newest sample of sensor s (k = 0 newest, k < counts[s]). */
  slot(s: number, k: number): number {
    const cap = this.capacities[s];
    return this.offsets[s] + ((this.heads[s] - 1 - k + 2 * cap) % cap);
  }

  /** Time of the newest sample (ms), or NaN when empty. */
  latestTimeMs(s: number): number {
    return this.counts[s] > 0 ? this.timesMs[this.slot(s, 0)] : NaN;
  }

  /** Newest value, or NaN when empty. */
  latestValue(s: number): number {
    return this.counts[s] > 0 ? this.values[this.slot(s, 0)] : NaN;
  }

  /** Stores a sample; returns PUSH_APPENDED, PUSH_INSERTED, PUSH_DUPLICATE or PUSH_TOO_OLD. */
  push(s: number, timeMs: number, value: number): number {
    const cap = this.capacities[s], off = this.offsets[s], count = this.counts[s];
    if (count === 0 || timeMs > this.timesMs[this.slot(s, 0)]) {
      const at = off + this.heads[s];
      this.timesMs[at] = timeMs;
      this.values[at] = value;
      this.heads[s] = (this.heads[s] + 1) % cap;
      if (count < cap) this.counts[s] = count + 1;
      return PUSH_APPENDED;
    }
    return this.insertLate(s, timeMs, value);
  }

  private insertLate(s: number, timeMs: number, value: number): number {
    const cap = this.capacities[s], count = this.counts[s];
    // k = number of stored samples newer than timeMs.
    let k = 0;
    while (k < count && this.timesMs[this.slot(s, k)] > timeMs) k++;
    if (k < count && this.timesMs[this.slot(s, k)] === timeMs) return PUSH_DUPLICATE;
    if (k === count && count === cap) return PUSH_TOO_OLD;
    // Shift the k newer samples one slot forward (dropping the oldest when full), then write.
    for (let j = 0; j < k; j++) {
      const from = this.slot(s, j), to = this.offsets[s] + ((from - this.offsets[s] + 1) % cap);
      this.timesMs[to] = this.timesMs[from];
      this.values[to] = this.values[from];
    }
    const at = this.offsets[s] + ((this.heads[s] - k + cap) % cap);
    this.timesMs[at] = timeMs;
    this.values[at] = value;
    this.heads[s] = (this.heads[s] + 1) % cap;
    if (count < cap) this.counts[s] = count + 1;
    return PUSH_INSERTED;
  }

  /**
   * The oldest sample at or after `sinceMs`, as k (0 = newest), or -1 when none. Used by
   * rate-of-change rules to find the start of their window.
   */
  oldestSince(s: number, sinceMs: number): number {
    let k = -1;
    for (let j = 0; j < this.counts[s]; j++) {
      if (this.timesMs[this.slot(s, j)] < sinceMs) break;
      k = j;
    }
    return k;
  }

  /**
   * Copies the samples with fromMs <= time <= toMs, oldest first, into outTimesMs/outValues
   * (up to their length) and returns how many were written.
   */
  copyRange(s: number, fromMs: number, toMs: number, outTimesMs: Float64Array, outValues: Float32Array | Float64Array): number {
    const first = this.oldestSince(s, fromMs);
    let n = 0;
    for (let k = first; k >= 0 && n < outTimesMs.length; k--) {
      const at = this.slot(s, k);
      if (this.timesMs[at] > toMs) break;
      outTimesMs[n] = this.timesMs[at];
      outValues[n] = this.values[at];
      n++;
    }
    return n;
  }
}
