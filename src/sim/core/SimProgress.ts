/** Progress of a long simulation run, reported every few steps. */
export interface SimProgress {
  /** Simulated time reached (s since the run's start). */
  simTimeS: number;
  /** Simulated time the run ends at (s). */
  endTimeS: number;
  /** simTimeS / endTimeS, in [0, 1]. */
  fraction: number;
  /** Solver steps taken so far. */
  steps: number;
  /** Wall-clock time spent so far (ms). */
  elapsedMs: number;
}

/** Receives progress; called on the thread that runs the solver (or through a comlink proxy). */
export type SimProgressCallback = (progress: SimProgress) => void;

/**
 * What a run checks to stop early: an AbortSignal satisfies it, and so does a plain
 * `{ aborted: boolean }` flag that a worker flips when its client asks to cancel.
 */
export interface AbortLike {
  readonly aborted: boolean;
}
