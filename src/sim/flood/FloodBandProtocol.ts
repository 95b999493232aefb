import type { FloodBuffers } from './FloodBuffers';
import type { FloodParams } from './FloodParams';

/** Shared control memory of a band-parallel flood run. */
export interface FloodControl {
  /** SharedBarrier control array. */
  barrier: Int32Array;
  /** hmax of each band after the last step, double-buffered by step parity: [parity * bands + band] (m). */
  hmaxSlots: Float64Array;
}

/** `init` payload: everything a band worker needs, the arrays on SharedArrayBuffers. */
export interface FloodBandInit {
  buffers: FloodBuffers;
  control: FloodControl;
  params: FloodParams;
  cellSizeM: number;
  band: number;
  bands: Array<{ j0: number; j1: number }>;
}

/** `run` payload: step from (timeS, parity) until untilS or maxSteps, whichever comes first. */
export interface FloodBandRun {
  timeS: number;
  parity: number;
  untilS: number;
  maxSteps: number;
}

/** `run` reply; every band returns the same numbers. */
export interface FloodBandRunResult {
  timeS: number;
  parity: number;
  steps: number;
  aborted: boolean;
}
