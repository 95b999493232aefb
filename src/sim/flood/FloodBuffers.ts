import type { FloodGrid } from './FloodGrid';
import type { FloodInflow } from './FloodParams';

/** Bed height given to wall cells: far above any water surface, so no edge next to one ever gets wet. */
export const WALL_BED_M = 1e6;

/** Slots of FloodBuffers.rowVolM3 (each `height` long): per-row volume tallies. */
export const ROW_RAIN = 0, ROW_INFLOW = 1, ROW_DRAIN = 2, ROW_OUTFLOW = 3;

/**
 * Every array the flood kernel reads or writes, on one memory kind: ordinary ArrayBuffers for one
 * thread, SharedArrayBuffers for a band-parallel run (workers get the very same views).
 * State is double-buffered (index = step parity): a step reads [p] and writes [1 - p], so bands
 * never race on their neighbours' halo rows and one barrier per step suffices.
 */
export interface FloodBuffers {
  width: number;
  height: number;
  /** Bed elevation with walls raised to WALL_BED_M (m). */
  zM: Float32Array;
  /** 1 on open cells (rain and drainage apply), 0 on walls. */
  open: Uint8Array;
  /** Open cells per row. */
  rowOpen: Float64Array;
  /** Depth (m); Float64 so that mass is conserved to round-off. */
  hM: [Float64Array, Float64Array];
  /** Unit discharge (m²/s) on x edges: (width + 1) per row, edge i is the west face of cell i. */
  qxM2PerS: [Float32Array, Float32Array];
  /** Unit discharge (m²/s) on y edges: width per edge row, edge row e is the south face of row e (height + 1 rows). */
  qyM2PerS: [Float32Array, Float32Array];
  /** Largest depth seen per cell (m). */
  maxDepthM: Float32Array;
  /** Cumulative volumes per row (m³), 4 slots of `height`: rain, inflow, drainage, boundary outflow. */
  rowVolM3: Float64Array;
  /** Inflow cells sorted by row (CSR): cells of row r are srcCell[srcRowStart[r] .. srcRowStart[r + 1]). */
  srcRowStart: Int32Array;
  srcCell: Int32Array;
  srcInflow: Int32Array;
  srcShare: Float64Array;
}

function alloc<T>(shared: boolean, bytes: number, make: (b: ArrayBufferLike) => T): T {
  return make(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** Allocates the buffers for a grid and its inflows, fills the static parts and the initial depth. */
export function createFloodBuffers(grid: FloodGrid, inflows: FloodInflow[], shared: boolean, initialDepthM?: Float64Array): FloodBuffers {
  const { width: W, height: H } = grid, n = W * H;
  const f32 = (len: number) => alloc(shared, 4 * len, (b) => new Float32Array(b));
  const f64 = (len: number) => alloc(shared, 8 * len, (b) => new Float64Array(b));
  const zM = f32(n), open = alloc(shared, n, (b) => new Uint8Array(b)), rowOpen = f64(H);
  for (let k = 0; k < n; k++) {
    const isOpen = grid.wall[k] === 0;
    zM[k] = isOpen ? grid.bedM[k] : WALL_BED_M;
    open[k] = isOpen ? 1 : 0;
    if (isOpen) rowOpen[Math.floor(k / W)]++;
  }
  const hM: [Float64Array, Float64Array] = [f64(n), f64(n)];
  const maxDepthM = f32(n);
  if (initialDepthM) {
    if (initialDepthM.length !== n) throw new Error(`initialDepthM: expected width*height = ${n} values, got ${initialDepthM.length}`);
    for (let k = 0; k < n; k++) {
      const d = open[k] ? initialDepthM[k] : 0;
      if (!(d >= 0)) throw new Error(`initialDepthM[${k}] must be >= 0 m, got ${initialDepthM[k]}`);
      hM[0][k] = d;
      maxDepthM[k] = d;
    }
  }
  const src = inflowCsr(grid, inflows, shared);
  return {
    width: W, height: H, zM, open, rowOpen, hM,
    qxM2PerS: [f32((W + 1) * H), f32((W + 1) * H)],
    qyM2PerS: [f32(W * (H + 1)), f32(W * (H + 1))],
    maxDepthM, rowVolM3: f64(4 * H), ...src,
  };
}

/** Sorts inflow cells by row so each band adds the sources of its own rows. */
function inflowCsr(grid: FloodGrid, inflows: FloodInflow[], shared: boolean) {
  const { width: W, height: H } = grid;
  const entries: Array<[number, number, number]> = [];
  inflows.forEach((f, m) => {
    const unique = [...new Set(f.cells)];
    for (const k of unique) {
      if (!Number.isInteger(k) || k < 0 || k >= W * H) throw new Error(`inflows[${m}] (${f.id}): cell ${k} is outside the grid`);
      if (grid.wall[k]) throw new Error(`inflows[${m}] (${f.id}): cell ${k} is a wall; inflow cells must be open`);
      entries.push([k, m, 1 / unique.length]);
    }
  });
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const mk = <T>(len: number, bytes: number, make: (b: ArrayBufferLike) => T) => alloc(shared, Math.max(1, len) * bytes, make);
  const srcRowStart = mk(H + 1, 4, (b) => new Int32Array(b));
  const srcCell = mk(entries.length, 4, (b) => new Int32Array(b));
  const srcInflow = mk(entries.length, 4, (b) => new Int32Array(b));
  const srcShare = mk(entries.length, 8, (b) => new Float64Array(b));
  entries.forEach(([k, m, share], s) => {
    srcCell[s] = k; srcInflow[s] = m; srcShare[s] = share;
    srcRowStart[Math.floor(k / W) + 1]++;
  });
  for (let r = 0; r < H; r++) srcRowStart[r + 1] += srcRowStart[r];
  return { srcRowStart, srcCell, srcInflow, srcShare };
}
