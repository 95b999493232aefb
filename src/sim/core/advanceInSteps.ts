import type { AbortLike } from './SimProgress';
import { throwIfCancelled } from './SimCancelledError';

/** Wall-clock time (ms) between yields to the event loop, so cancels and messages get through. */
const YIELD_MS = 50;

/** Options of one `advance` call of an explicit time-stepping solver. */
export interface StepAdvanceOptions {
  /** Stops the run between steps; advance then rejects with SimCancelledError. */
  signal?: AbortLike;
  /** Called every ~50 ms of wall time and at the end with the time reached (s) and the steps taken. */
  onStep?: (timeS: number, steps: number) => void;
}

/** What the stepping loop needs of a solver: its clock and one step that never passes `untilS`. */
export interface SteppedSolver {
  timeS(): number;
  steps(): number;
  stepOnce(untilS: number): unknown;
}

/**
 * Steps a solver until exactly `untilS` (s), checking for cancel before every step and yielding to
 * the event loop every ~50 ms so a cancel message (or a UI frame) gets through.
 */
export async function advanceInSteps(solver: SteppedSolver, untilS: number, options: StepAdvanceOptions = {}): Promise<void> {
  let lastYield = performance.now();
  while (solver.timeS() < untilS) {
    throwIfCancelled(options.signal, solver.timeS());
    solver.stepOnce(untilS);
    if (performance.now() - lastYield > YIELD_MS) {
      options.onStep?.(solver.timeS(), solver.steps());
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = performance.now();
    }
  }
  options.onStep?.(solver.timeS(), solver.steps());
}
