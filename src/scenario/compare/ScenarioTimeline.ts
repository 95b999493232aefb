import { frameAt } from '../run/frameTimes';
import type { RunResult } from '../run/RunResult';

/** What the timeline shows at one time, for one run. */
export interface TimelineSample {
  variant: string;
  /** Index of the frame shown (the last at or before the time). */
  frame: number;
  /** Each series' value at that frame, by series id. */
  values: Record<string, number>;
}

/**
 * One clock over several runs of a scenario (baseline and variants): the time scrubs all of them
 * together. Runs of one scenario share frame times; the union is used should they differ. Pure
 * state with listeners; the slider and the views follow it.
 */
export class ScenarioTimeline {
  readonly timesS: number[];
  private t = 0;
  private readonly listeners = new Set<(timeS: number) => void>();

  constructor(readonly runs: readonly RunResult[]) {
    if (runs.length === 0) throw new Error('ScenarioTimeline: needs at least one run');
    this.timesS = [...new Set(runs.flatMap((r) => r.timeline.timesS))].sort((a, b) => a - b);
  }

  get timeS(): number {
    return this.t;
  }

  get durationS(): number {
    return this.timesS[this.timesS.length - 1];
  }

  /** Moves the clock (clamped to [0, duration]); listeners hear of a change. */
  setTime(tS: number): void {
    const t = Math.min(this.durationS, Math.max(0, Number.isFinite(tS) ? tS : 0));
    if (t === this.t) return;
    this.t = t;
    for (const l of this.listeners) l(t);
  }

  /** Steps to the next (+1) or previous (-1) frame time. */
  step(direction: 1 | -1): void {
    const k = frameAt(this.timesS, this.t);
    const onFrame = Math.abs(this.timesS[k] - this.t) < 1e-9;
    const next = direction > 0 ? Math.min(this.timesS.length - 1, k + 1) : Math.max(0, onFrame ? k - 1 : k);
    this.setTime(this.timesS[next]);
  }

  /** Every run's frame and series values at the current time. */
  samples(): TimelineSample[] {
    return this.runs.map((r) => {
      const frame = frameAt(r.timeline.timesS, this.t);
      return { variant: r.variant, frame, values: Object.fromEntries(r.timeline.series.map((s) => [s.id, s.values[frame]])) };
    });
  }

  subscribe(listener: (timeS: number) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }
}
