import { SharedBarrier } from '../core/SharedBarrier';
import { serveRequests } from '../core/WorkerRequests';
import type { WorkerEndpoint } from '../core/WorkerPort';
import { FloodBandKernel } from './FloodBandKernel';
import type { FloodBandInit, FloodBandRun, FloodBandRunResult } from './FloodBandProtocol';
import { FloodClock } from './FloodClock';

/** A band worker's state after `init`. */
interface Band {
  kernel: FloodBandKernel;
  clock: FloodClock;
  barrier: SharedBarrier;
  hmaxSlots: Float64Array;
  band: number;
  bands: number;
}

/**
 * Steps one band in lockstep with the others: each step reads the global hmax from the shared
 * slots (so every band picks the same dt), advances its rows, publishes its hmax, and crosses the
 * barrier, which also tells all bands at once whether to stop.
 */
function runBand(s: Band, run: FloodBandRun): FloodBandRunResult {
  let t = run.timeS, parity = run.parity, steps = 0, aborted = false;
  const nb = s.bands, slots = s.hmaxSlots;
  while (steps < run.maxSteps && t < run.untilS) {
    let hmax = 0;
    for (let b = 0; b < nb; b++) if (slots[parity * nb + b] > hmax) hmax = slots[parity * nb + b];
    t = s.clock.next(t, hmax, run.untilS);
    slots[(parity ^ 1) * nb + s.band] = s.kernel.step(parity, s.clock.forcing);
    parity ^= 1;
    steps++;
    if (s.barrier.arriveAndWait() !== 0) { aborted = true; break; }
  }
  return { timeS: t, parity, steps, aborted };
}

/** Serves `init` and `run` requests of ParallelFloodSolver on a worker's endpoint. */
export function serveFloodBand(endpoint: WorkerEndpoint): void {
  let state: Band | null = null;
  serveRequests(endpoint, {
    init: (m: FloodBandInit) => {
      const { j0, j1 } = m.bands[m.band];
      state = {
        kernel: new FloodBandKernel(m.buffers, m.params, m.cellSizeM, j0, j1, m.band),
        clock: new FloodClock(m.params, m.cellSizeM),
        barrier: new SharedBarrier(m.control.barrier, m.bands.length),
        hmaxSlots: m.control.hmaxSlots,
        band: m.band,
        bands: m.bands.length,
      };
      return true;
    },
    run: (m: FloodBandRun) => {
      if (!state) throw new Error('flood band worker: run before init');
      return runBand(state, m);
    },
  });
}
