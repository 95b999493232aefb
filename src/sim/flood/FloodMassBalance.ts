import { ROW_DRAIN, ROW_INFLOW, ROW_OUTFLOW, ROW_RAIN, type FloodBuffers } from './FloodBuffers';

/** Volume bookkeeping of a flood run (m³), all summed in Float64 in a fixed order. */
export interface FloodMassBalance {
  initialM3: number;
  rainM3: number;
  inflowM3: number;
  drainageM3: number;
  /** Left through open sides. */
  outflowM3: number;
  /** Water on the grid now. */
  storedM3: number;
  /** stored - (initial + rain + inflow - drainage - outflow); round-off only. */
  errorM3: number;
  /** |errorM3| / max(initial + rain + inflow, 1 m³). */
  relativeError: number;
}

/** Sum of depth * cell area over the grid (m³), in index order so any band split gives the same bits. */
export function storedVolumeM3(h: Float64Array, cellAreaM2: number): number {
  let s = 0;
  for (let k = 0; k < h.length; k++) s += h[k];
  return s * cellAreaM2;
}

/** Totals the per-row tallies (in row order) against the stored volume. */
export function massBalance(b: FloodBuffers, parity: number, cellAreaM2: number, initialM3: number): FloodMassBalance {
  const H = b.height, v = b.rowVolM3;
  const sum = (slot: number) => { let s = 0; for (let r = 0; r < H; r++) s += v[slot * H + r]; return s; };
  const rainM3 = sum(ROW_RAIN), inflowM3 = sum(ROW_INFLOW), drainageM3 = sum(ROW_DRAIN), outflowM3 = sum(ROW_OUTFLOW);
  const storedM3 = storedVolumeM3(b.hM[parity], cellAreaM2);
  const errorM3 = storedM3 - (initialM3 + rainM3 + inflowM3 - drainageM3 - outflowM3);
  return {
    initialM3, rainM3, inflowM3, drainageM3, outflowM3, storedM3, errorM3,
    relativeError: Math.abs(errorM3) / Math.max(initialM3 + rainM3 + inflowM3, 1),
  };
}
