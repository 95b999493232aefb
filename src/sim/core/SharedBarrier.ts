/** Int32 slots of a barrier's control array. */
const COUNT = 0, GENERATION = 1, ABORT = 2, DECISION = 3;

/**
 * A reusable barrier for workers sharing memory (Atomics on a SharedArrayBuffer), which also
 * broadcasts one decision per crossing: the last worker to arrive samples the abort request and
 * everyone leaves with that same value, so all bands stop after the same step or none does.
 * The decision slot alternates with the generation, so a slow leaver never reads the next one's.
 * Workers block in Atomics.wait (allowed in workers; never call arrive on a browser main thread).
 */
export class SharedBarrier {
  /** Int32 entries a barrier needs. */
  static readonly LENGTH = 5;
  private readonly ctrl: Int32Array;
  private readonly parties: number;

  /** `ctrl` must be an Int32Array of LENGTH on a SharedArrayBuffer, zeroed, shared by `parties` workers. */
  constructor(ctrl: Int32Array, parties: number) {
    if (ctrl.length < SharedBarrier.LENGTH) throw new Error(`SharedBarrier: control array needs ${SharedBarrier.LENGTH} Int32 entries, got ${ctrl.length}`);
    if (!Number.isInteger(parties) || parties < 1) throw new Error(`SharedBarrier: parties must be a positive integer, got ${parties}`);
    this.ctrl = ctrl;
    this.parties = parties;
  }

  /** A zeroed control array on a new SharedArrayBuffer. */
  static createControl(): Int32Array {
    return new Int32Array(new SharedArrayBuffer(4 * SharedBarrier.LENGTH));
  }

  /** Asks the workers to stop at their next crossing (any thread may call this). */
  static requestAbort(ctrl: Int32Array, abort = true): void {
    Atomics.store(ctrl, ABORT, abort ? 1 : 0);
  }

  /** Waits until all parties have arrived; returns the abort request (0 or 1) sampled by the last one. */
  arriveAndWait(): number {
    const c = this.ctrl;
    const gen = Atomics.load(c, GENERATION);
    if (Atomics.add(c, COUNT, 1) === this.parties - 1) {
      Atomics.store(c, COUNT, 0);
      Atomics.store(c, DECISION + (gen & 1), Atomics.load(c, ABORT));
      Atomics.store(c, GENERATION, gen + 1);
      Atomics.notify(c, GENERATION);
    } else {
      while (Atomics.load(c, GENERATION) === gen) Atomics.wait(c, GENERATION, gen);
    }
    return Atomics.load(c, DECISION + (gen & 1));
  }
}
