import { assertFrameCount } from '../../sim/core/workLimits';
import type { Scenario } from '../schema/Scenario';

/** Frames per run when a scenario names no output interval. */
export const DEFAULT_FRAMES = 12;

/** The output interval of a scenario (s): its own, else duration / 12. */
export function outputIntervalS(s: Pick<Scenario, 'durationS' | 'outputIntervalS'>): number {
  return Math.min(s.outputIntervalS ?? s.durationS / DEFAULT_FRAMES, s.durationS);
}

/**
 * Frame times (s): 0, then every interval up to the duration, the duration itself last. Throws
 * past MAX_FRAMES before allocating (validation refuses such files first, with their line).
 */
export function frameTimes(s: Pick<Scenario, 'durationS' | 'outputIntervalS'>): number[] {
  const dt = outputIntervalS(s), t = [0];
  assertFrameCount(s.durationS, dt, 'scenario');
  for (let k = 1; k * dt < s.durationS - 1e-9; k++) t.push(k * dt);
  t.push(s.durationS);
  return t;
}

/** Index of the last frame at or before tS (0 before the start, the last after the end). */
export function frameAt(timesS: readonly number[], tS: number): number {
  let lo = 0, hi = timesS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (timesS[mid] <= tS + 1e-9) lo = mid; else hi = mid - 1;
  }
  return lo;
}
