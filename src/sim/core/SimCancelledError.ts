import type { AbortLike } from './SimProgress';

/** Thrown by a simulation run stopped through its AbortSignal (name 'AbortError', like fetch). */
export class SimCancelledError extends Error {
  /** Simulated time (s) reached when the run stopped. */
  readonly simTimeS: number;

  constructor(simTimeS: number) {
    super(`simulation cancelled at t = ${simTimeS.toFixed(1)} s`);
    this.name = 'AbortError';
    this.simTimeS = simTimeS;
  }
}

/** Throws SimCancelledError when the signal (if any) is aborted. */
export function throwIfCancelled(signal: AbortLike | undefined, simTimeS: number): void {
  if (signal?.aborted) throw new SimCancelledError(simTimeS);
}
