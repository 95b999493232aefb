import type { FloodGrid } from './FloodGrid';
import type { FloodInflow } from './FloodParams';

/** Bed height given to wall cells: far above any water surface, so no edge next to one ever gets wet. */
export const WALL_BED_M = 1e6;

/** Slots of FloodBuffers.rowVolM3 (each `height` long): per-row volume tallies. */
export const ROW_RAIN = 0, ROW_INFLOW = 1, ROW_DRAIN = 2, ROW_OUTFLOW = 3;

/** Ring buffers of one band's sweep (see FloodBandKernel), in the same memory as the state. */
export interface BandScratch {
  /** Raw x fluxes, 2 rows of width + 1. */
  rqx: Float64Array;
  /** Raw y fluxes, 3 edge rows of width. */
  rqy: Float64Array;
  /** Limiter factors, 3 rows of width + 1. */
  f: Float64Array;
  /** cbrt(depth), 3 rows of width. */
  cb: Float64Array;
  /** This step's discharge of each inflow (m³/s), written before each step. */
  inflowM3PerS: Float64Array;
  /** Whether a factor row has a value below 1 (3 flags). */
  limited: Int32Array;
}

/**
 * Every array the flood kernel reads or writes, laid out in one WebAssembly.Memory (the kernel is
 * WebAssembly, see wasm/): an ordinary memory for one thread, a shared one for a band-parallel run
 * (workers instantiate the kernel on the very same memory). The views below are this thread's
 * windows on it; the memory never grows, so they stay valid.
 * State is double-buffered (index = step parity): a step reads [p] and writes [1 - p], so bands
 * never race on their neighbours' halo rows and one barrier per step suffices.
 */
export interface FloodBuffers {
  memory: WebAssembly.Memory;
  shared: boolean;
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
  /** One set of ring buffers per band. */
  bandScratch: BandScratch[];
}

const PAGE_BYTES = 65536;
/** wasm32 addresses at most 4 GiB. */
const MAX_PAGES = 65536;

/**
 * Lays arrays out one after another (16-byte aligned, from 64 KiB on: the first page stays free),
 * then creates the memory and the views in one go.
 */
class MemoryLayout {
  private end = PAGE_BYTES;
  private readonly pending: Array<{ offset: number; length: number; make: (b: ArrayBufferLike, o: number, n: number) => ArrayBufferView; set: (v: ArrayBufferView) => void }> = [];

  add<T extends ArrayBufferView>(Ctor: { new (b: ArrayBufferLike, o: number, n: number): T; BYTES_PER_ELEMENT: number }, length: number, set: (v: T) => void): void {
    const offset = this.end;
    this.end = Math.ceil((offset + Math.max(1, length) * Ctor.BYTES_PER_ELEMENT) / 16) * 16;
    this.pending.push({ offset, length, make: (b, o, n) => new Ctor(b, o, n), set: set as (v: ArrayBufferView) => void });
  }

  create(shared: boolean, what: string): WebAssembly.Memory {
    const pages = Math.ceil(this.end / PAGE_BYTES);
    if (pages > MAX_PAGES) throw new Error(`${what}: needs ${(this.end / 2 ** 30).toFixed(2)} GiB, over WebAssembly's 4 GiB; use a coarser cellSizeM or a smaller bboxM`);
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared } as WebAssembly.MemoryDescriptor);
    for (const p of this.pending) p.set(p.make(memory.buffer, p.offset, p.length));
    return memory;
  }
}

/** Allocates the buffers for a grid, its inflows and `bands` bands, fills the static parts and the initial depth. */
export function createFloodBuffers(grid: FloodGrid, inflows: FloodInflow[], shared: boolean, initialDepthM?: Float64Array, bands = 1): FloodBuffers {
  const { width: W, height: H } = grid, n = W * H;
  if (initialDepthM && initialDepthM.length !== n) throw new Error(`initialDepthM: expected width*height = ${n} values, got ${initialDepthM.length}`);
  const src = inflowCsr(grid, inflows);
  const b = { width: W, height: H, shared, hM: [], qxM2PerS: [], qyM2PerS: [], bandScratch: [] } as unknown as FloodBuffers;
  const L = new MemoryLayout();
  L.add(Float32Array, n, (v) => { b.zM = v; });
  L.add(Uint8Array, n, (v) => { b.open = v; });
  L.add(Float64Array, H, (v) => { b.rowOpen = v; });
  for (let p = 0; p < 2; p++) {
    L.add(Float64Array, n, (v) => { b.hM[p] = v; });
    L.add(Float32Array, (W + 1) * H, (v) => { b.qxM2PerS[p] = v; });
    L.add(Float32Array, W * (H + 1), (v) => { b.qyM2PerS[p] = v; });
  }
  L.add(Float32Array, n, (v) => { b.maxDepthM = v; });
  L.add(Float64Array, 4 * H, (v) => { b.rowVolM3 = v; });
  L.add(Int32Array, H + 1, (v) => { b.srcRowStart = v; });
  L.add(Int32Array, src.cell.length, (v) => { b.srcCell = v; });
  L.add(Int32Array, src.cell.length, (v) => { b.srcInflow = v; });
  L.add(Float64Array, src.cell.length, (v) => { b.srcShare = v; });
  for (let k = 0; k < bands; k++) {
    const s = {} as BandScratch;
    b.bandScratch.push(s);
    L.add(Float64Array, 2 * (W + 1), (v) => { s.rqx = v; });
    L.add(Float64Array, 3 * W, (v) => { s.rqy = v; });
    L.add(Float64Array, 3 * (W + 1), (v) => { s.f = v; });
    L.add(Float64Array, 3 * W, (v) => { s.cb = v; });
    L.add(Float64Array, inflows.length, (v) => { s.inflowM3PerS = v; });
    L.add(Int32Array, 3, (v) => { s.limited = v; });
  }
  b.memory = L.create(shared, `flood grid ${W} x ${H}`);

  for (let k = 0; k < n; k++) {
    const isOpen = grid.wall[k] === 0;
    b.zM[k] = isOpen ? grid.bedM[k] : WALL_BED_M;
    b.open[k] = isOpen ? 1 : 0;
    if (isOpen) b.rowOpen[Math.floor(k / W)]++;
  }
  if (initialDepthM) {
    for (let k = 0; k < n; k++) {
      const d = b.open[k] ? initialDepthM[k] : 0;
      if (!(d >= 0)) throw new Error(`initialDepthM[${k}] must be >= 0 m, got ${initialDepthM[k]}`);
      b.hM[0][k] = d;
      b.maxDepthM[k] = d;
    }
  }
  b.srcRowStart.set(src.rowStart);
  b.srcCell.set(src.cell);
  b.srcInflow.set(src.inflow);
  b.srcShare.set(src.share);
  return b;
}

/** Sorts inflow cells by row so each band adds the sources of its own rows. */
function inflowCsr(grid: FloodGrid, inflows: FloodInflow[]) {
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
  const rowStart = new Int32Array(H + 1);
  for (const [k] of entries) rowStart[Math.floor(k / W) + 1]++;
  for (let r = 0; r < H; r++) rowStart[r + 1] += rowStart[r];
  return {
    rowStart,
    cell: Int32Array.from(entries, (e) => e[0]),
    inflow: Int32Array.from(entries, (e) => e[1]),
    share: Float64Array.from(entries, (e) => e[2]),
  };
}
