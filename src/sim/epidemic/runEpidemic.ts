import { throwIfCancelled } from '../core/SimCancelledError';
import type { AbortLike, SimProgressCallback } from '../core/SimProgress';
import { DailyPolicy } from './DailyPolicy';
import type { EpidemicCells } from './EpidemicCells';
import { stayHomeMobility, type MobilityMatrix } from './MobilityMatrix';
import { SeirModel } from './SeirModel';
import { seirParams, type SeirParams } from './SeirParams';

/** An epidemic scenario: the cells, how people move between them, the disease and the measures. */
export interface EpidemicRunInput {
  cells: EpidemicCells;
  /** Omitted: nobody leaves their cell. */
  mobility?: MobilityMatrix;
  params: Partial<SeirParams>;
}

/** Compartment order in `seir` and `totals`. */
export const SEIR_COMPARTMENTS = ['S', 'E', 'I', 'R'] as const;

/** Daily output of an epidemic run; arrays are transferable (see epidemicResultTransferables). */
export interface EpidemicResult {
  days: number;
  cellCount: number;
  /** People per day, compartment and cell: day d (0..days), compartment c (S, E, I, R), cell k at (d * 4 + c) * cellCount + k. */
  seir: Float32Array;
  /** City totals per day and compartment: (d * 4 + c), in people (float64, exact sums). */
  totals: Float64Array;
  /** New exposures (S -> E) per day d = 1..days at index d - 1 (people/day). */
  newExposures: Float64Array;
  /** Day of the most people infectious at once, and that number. */
  peakDay: number;
  peakInfectious: number;
  /** Share of the population ever infected by the last day. */
  attackRate: number;
  wallMs: number;
}

const YIELD_MS = 50;

/** Runs the SEIR model day by day; reports progress; rejects with SimCancelledError on abort. */
export async function runEpidemic(
  input: EpidemicRunInput, options: { signal?: AbortLike; onProgress?: SimProgressCallback } = {},
): Promise<EpidemicResult> {
  const t0 = performance.now(), cells = input.cells, n = cells.count;
  const params: SeirParams = seirParams(input.params, n);
  const mobility = input.mobility ?? stayHomeMobility(n);
  const model = new SeirModel(cells.population, mobility, params);
  const policy = new DailyPolicy(cells, mobility, params.interventions);
  const D = params.days, seir = new Float32Array((D + 1) * 4 * n), totals = new Float64Array((D + 1) * 4);
  const record = (d: number) => [model.S, model.E, model.I, model.R].forEach((arr, c) => {
    seir.set(arr, (d * 4 + c) * n);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += arr[k];
    totals[d * 4 + c] = sum;
  });
  record(0);
  let lastYield = performance.now();
  for (let d = 1; d <= D; d++) {
    throwIfCancelled(options.signal, (d - 1) * 86400);
    policy.apply(d - 1);
    model.stepDay(policy);
    record(d);
    if (performance.now() - lastYield > YIELD_MS || d === D) {
      options.onProgress?.({ simTimeS: d * 86400, endTimeS: D * 86400, fraction: d / D, steps: d * params.stepsPerDay, elapsedMs: performance.now() - t0 });
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = performance.now();
    }
  }
  return summarise(seir, totals, D, n, t0);
}

function summarise(seir: Float32Array, totals: Float64Array, D: number, n: number, t0: number): EpidemicResult {
  const newExposures = new Float64Array(D);
  let peakDay = 0;
  for (let d = 1; d <= D; d++) {
    newExposures[d - 1] = totals[(d - 1) * 4] - totals[d * 4];
    if (totals[d * 4 + 2] > totals[peakDay * 4 + 2]) peakDay = d;
  }
  const N = totals[0] + totals[1] + totals[2] + totals[3];
  return {
    days: D, cellCount: n, seir, totals, newExposures, peakDay, peakInfectious: totals[peakDay * 4 + 2],
    attackRate: N > 0 ? 1 - totals[D * 4] / N : 0, wallMs: performance.now() - t0,
  };
}

/** The buffers of a result, for postMessage's transfer list. */
export function epidemicResultTransferables(r: EpidemicResult): ArrayBuffer[] {
  return [r.seir.buffer as ArrayBuffer, r.totals.buffer as ArrayBuffer, r.newExposures.buffer as ArrayBuffer];
}
