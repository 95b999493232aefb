/**
 * A forcing that changes over simulated time: a rainfall hyetograph (`step`: blocks of constant
 * intensity) or a river hydrograph (`linear` between points). Zero before the first time, the last
 * value after the last time. Solvers clip their steps at `nextBreakS` so that the mean over a step
 * is `valueAt(midpoint)` exactly, which keeps volume bookkeeping exact.
 */
export interface TimeSeries {
  /** Strictly increasing times (s since the run's start). */
  timesS: number[];
  /** One value per time, in the unit its owner names (mm/h, m³/s, ...). */
  values: number[];
  mode: 'step' | 'linear';
}

/** A series that is `value` from t = 0 on. */
export function constantSeries(value: number): TimeSeries {
  return { timesS: [0], values: [value], mode: 'step' };
}

/** Throws naming `what` unless times increase strictly and every number is finite. */
export function assertTimeSeries(s: TimeSeries, what: string): void {
  if (s.timesS.length === 0 || s.timesS.length !== s.values.length) {
    throw new Error(`${what}: needs as many values as times (at least one), got ${s.timesS.length} times, ${s.values.length} values`);
  }
  for (let k = 0; k < s.timesS.length; k++) {
    if (!Number.isFinite(s.timesS[k]) || !Number.isFinite(s.values[k])) throw new Error(`${what}: entry ${k} is not a finite number`);
    if (k > 0 && !(s.timesS[k] > s.timesS[k - 1])) throw new Error(`${what}: times must increase strictly (entry ${k})`);
  }
}

/** Index of the last time <= t, or -1 before the first. */
function segmentOf(s: TimeSeries, tS: number): number {
  const t = s.timesS;
  let lo = -1, hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t[mid] <= tS) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** The series' value at time t (s). */
export function valueAt(s: TimeSeries, tS: number): number {
  const k = segmentOf(s, tS);
  if (k < 0) return 0;
  if (s.mode === 'step' || k === s.timesS.length - 1) return s.values[k];
  const t0 = s.timesS[k], t1 = s.timesS[k + 1];
  return s.values[k] + ((s.values[k + 1] - s.values[k]) * (tS - t0)) / (t1 - t0);
}

/** The first time strictly after t (s) where the series has a kink or a jump; Infinity if none. */
export function nextBreakS(s: TimeSeries, tS: number): number {
  const k = segmentOf(s, tS);
  return k + 1 < s.timesS.length ? s.timesS[k + 1] : Infinity;
}

/** Integral of the series over [t0, t1] (value-unit x s), exact for both modes. */
export function integrate(s: TimeSeries, t0S: number, t1S: number): number {
  let total = 0, a = t0S;
  while (a < t1S) {
    const b = Math.min(t1S, nextBreakS(s, a));
    total += valueAt(s, 0.5 * (a + b)) * (b - a);
    a = b;
  }
  return total;
}
