import type { StepAdvanceOptions } from '../core/advanceInSteps';
import type { FloodGrid } from './FloodGrid';
import type { FloodMassBalance } from './FloodMassBalance';

/** Options of one `advance` call. */
export type AdvanceOptions = StepAdvanceOptions;

/**
 * A flood simulation in progress, however it is computed (one thread, or bands over workers):
 * advance to a time, read the state, dispose. Runs of either kind give the same bits.
 */
export interface FloodRunner {
  readonly grid: FloodGrid;
  /** Simulated time reached (s). */
  readonly timeS: number;
  /** Steps taken so far. */
  readonly steps: number;
  /** Steps forward until exactly untilS (s). */
  advance(untilS: number, options?: AdvanceOptions): Promise<void>;
  /** Current depth per cell (m), copied into `out` (or a new array). */
  readDepth(out?: Float32Array): Float32Array;
  /** Largest depth seen per cell so far (m), copied. */
  readMaxDepth(out?: Float32Array): Float32Array;
  massBalance(): FloodMassBalance;
  /** Releases workers and buffers; safe to call twice. */
  dispose(): void;
}
