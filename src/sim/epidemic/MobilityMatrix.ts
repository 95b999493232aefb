import type { EpidemicCells } from './EpidemicCells';

/**
 * Where each cell's residents spend their contact time, as a sparse row-stochastic matrix in CSR
 * form: row i lists (destination, fraction) with the cell itself first; fractions sum to 1.
 */
export interface MobilityMatrix {
  count: number;
  /** Row offsets (count + 1). */
  rowOffsets: Uint32Array;
  /** Destination cell of each entry; the first entry of row i is i itself. */
  dest: Uint32Array;
  /** Fraction of row i's time spent at dest. */
  weight: Float64Array;
}

/** No mobility: everyone stays in their own cell. */
export function stayHomeMobility(count: number): MobilityMatrix {
  const rowOffsets = new Uint32Array(count + 1), dest = new Uint32Array(count);
  for (let i = 0; i < count; i++) { rowOffsets[i + 1] = i + 1; dest[i] = i; }
  return { count, rowOffsets, dest, weight: new Float64Array(count).fill(1) };
}

/** Options of gravityCommuting. */
export interface CommutingOptions {
  /** Share of residents' contact time spent in other cells (work, school, shopping), in [0, 1]. Default 0.3. */
  awayFraction?: number;
  /** Distance decay scale of exp(-d / scale) (m). Default 2000. */
  distanceScaleM?: number;
  /** Destinations kept per cell (the strongest). Default 16. */
  maxDestinations?: number;
}

/**
 * Commuting by a gravity model: residents of cell i spend `awayFraction` of their time in other
 * cells j with weight jobs_j * exp(-d_ij / scale), keeping the strongest `maxDestinations`.
 * Deterministic (ties go to the lower cell index).
 */
export function gravityCommuting(cells: EpidemicCells, options: CommutingOptions = {}): MobilityMatrix {
  const away = options.awayFraction ?? 0.3, scale = options.distanceScaleM ?? 2000, kMax = options.maxDestinations ?? 16;
  if (!(away >= 0 && away <= 1)) throw new Error(`gravityCommuting: awayFraction must be in [0, 1], got ${away}`);
  if (!(scale > 0)) throw new Error(`gravityCommuting: distanceScaleM must be > 0 m, got ${scale}`);
  if (!(Number.isInteger(kMax) && kMax >= 1)) throw new Error(`gravityCommuting: maxDestinations must be an integer >= 1, got ${kMax}`);
  const n = cells.count, rowOffsets = new Uint32Array(n + 1), dest: number[] = [], weight: number[] = [];
  const order = new Uint32Array(n), score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < n; j++) {
      if (j === i || cells.jobs[j] <= 0) continue;
      score[j] = cells.jobs[j] * Math.exp(-Math.hypot(cells.xM[j] - cells.xM[i], cells.yM[j] - cells.yM[i]) / scale);
      order[m++] = j;
    }
    const top = Array.from(order.subarray(0, m)).sort((a, b) => score[b] - score[a] || a - b).slice(0, kMax);
    const total = top.reduce((s, j) => s + score[j], 0);
    dest.push(i);
    weight.push(total > 0 ? 1 - away : 1);
    if (total > 0) for (const j of top) { dest.push(j); weight.push((away * score[j]) / total); }
    rowOffsets[i + 1] = dest.length;
  }
  return { count: n, rowOffsets, dest: Uint32Array.from(dest), weight: Float64Array.from(weight) };
}
