/**
 * Which sensors have gone quiet. A sensor is stale when nothing valid has arrived from it for
 * `factor` times its expected interval (receiver clock, so a sensor with a skewed clock is
 * judged by when its messages arrive). A sensor never heard from is stale once that much time has
 * passed since tracking began.
 */
export class Staleness {
  /** Receiver time of the last accepted message per sensor (epoch ms), NaN if none yet. */
  readonly lastSeenMs: Float64Array;
  /** Silence after which a sensor counts as stale (ms). */
  readonly staleAfterMs: Float64Array;
  /** 1 where the sensor was stale at the last update(). */
  readonly flags: Uint8Array;
  private readonly startedMs: number;
  private staleCount = 0;

  /**
   * @param expectedIntervalMs per sensor, its nominal reporting interval (ms)
   * @param factor missed intervals before a sensor is stale (default 3)
   * @param startedMs when tracking began (epoch ms)
   */
  constructor(expectedIntervalMs: ArrayLike<number>, factor: number, startedMs: number) {
    if (!(factor >= 1)) throw new Error(`staleness factor: expected a number >= 1, got ${factor}`);
    const n = expectedIntervalMs.length;
    this.lastSeenMs = new Float64Array(n).fill(NaN);
    this.staleAfterMs = new Float64Array(n);
    for (let s = 0; s < n; s++) this.staleAfterMs[s] = expectedIntervalMs[s] * factor;
    this.flags = new Uint8Array(n);
    this.startedMs = startedMs;
  }

  /** Records that sensor s was heard from at nowMs. */
  seen(s: number, nowMs: number): void {
    this.lastSeenMs[s] = nowMs;
  }

  isStale(s: number, nowMs: number): boolean {
    const last = this.lastSeenMs[s];
    return nowMs - (last === last ? last : this.startedMs) > this.staleAfterMs[s];
  }

  /**
   * Recomputes the flags at nowMs; pushes sensors whose state changed into the two lists (when
   * given) and returns the number of stale sensors.
   */
  update(nowMs: number, becameStale?: number[], becameFresh?: number[]): number {
    let count = 0;
    for (let s = 0; s < this.flags.length; s++) {
      const stale = this.isStale(s, nowMs) ? 1 : 0;
      if (stale !== this.flags[s]) {
        if (stale) becameStale?.push(s); else becameFresh?.push(s);
        this.flags[s] = stale;
      }
      count += stale;
    }
    this.staleCount = count;
    return count;
  }

  /** Stale sensors at the last update(). */
  get count(): number {
    return this.staleCount;
  }
}
