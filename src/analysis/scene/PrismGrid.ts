import { insidePrismRing, prismEntry } from './prismRay';
import type { PrismSet } from './PrismSet';

/** Side of the blocks of cells that keep their tallest top (in cells). */
const SUPER = 8;

/** At most this many grid cells (a huge extent with tiny cells is refused with its size). */
export const MAX_GRID_CELLS = 16_000_000;

/**
 * A uniform grid over a prism set (plane meters) for ray queries: each cell lists the prisms whose
 * bounding box overlaps it and the tallest top among them, so a ray walks only the cells under
 * its 2D path (Amanatides-Woo traversal) and skips a cell it crosses above everything in it.
 * Not thread-safe (a per-query stamp avoids testing a prism twice); one per worker.
 */
export class PrismGrid {
  readonly xMinM: number;
  readonly yMinM: number;
  readonly nx: number;
  readonly ny: number;
  readonly maxTopM: number;
  /** Prism hit by the last `firstHit`, or -1. */
  hitPrism = -1;
  private readonly cellStart: Uint32Array;
  private readonly items: Uint32Array;
  private readonly cellTop: Float64Array;
  /** Tallest top per block of SUPER x SUPER cells: a ray above it skips the whole block. */
  private readonly superTop: Float64Array;
  private readonly sx: number;
  private readonly stamp: Uint32Array;
  private ray = 0;

  constructor(readonly prisms: PrismSet, readonly cellSizeM = 32) {
    if (!(cellSizeM > 0)) throw new Error(`PrismGrid: cellSizeM must be > 0 m, got ${cellSizeM}`);
    const n = prisms.count, xy = prisms.xyM, box = new Float64Array(4 * n);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, maxTop = -Infinity;
    for (let p = 0; p < n; p++) {
      let a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
      for (let v = prisms.ringStart[p]; v < prisms.ringStart[p + 1]; v++) {
        a = Math.min(a, xy[2 * v]); b = Math.min(b, xy[2 * v + 1]); c = Math.max(c, xy[2 * v]); d = Math.max(d, xy[2 * v + 1]);
      }
      box.set([a, b, c, d], 4 * p);
      x0 = Math.min(x0, a); y0 = Math.min(y0, b); x1 = Math.max(x1, c); y1 = Math.max(y1, d);
      maxTop = Math.max(maxTop, prisms.topM[p]);
    }
    if (n === 0) { x0 = y0 = 0; x1 = y1 = cellSizeM; }
    this.xMinM = x0; this.yMinM = y0; this.maxTopM = maxTop;
    this.nx = Math.max(1, Math.ceil((x1 - x0) / cellSizeM)); this.ny = Math.max(1, Math.ceil((y1 - y0) / cellSizeM));
    if (this.nx * this.ny > MAX_GRID_CELLS) throw new Error(`PrismGrid: ${this.nx} x ${this.ny} cells of ${cellSizeM} m, at most ${MAX_GRID_CELLS}; use larger cells`);
    const cells = this.nx * this.ny, count = new Uint32Array(cells + 1);
    const span = (p: number, fn: (c: number) => void) => {
      const i0 = this.col(box[4 * p]), i1 = this.col(box[4 * p + 2]), j0 = this.row(box[4 * p + 1]), j1 = this.row(box[4 * p + 3]);
      for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) fn(j * this.nx + i);
    };
    for (let p = 0; p < n; p++) span(p, (c) => count[c + 1]++);
    for (let c = 0; c < cells; c++) count[c + 1] += count[c];
    this.cellStart = count;
    this.items = new Uint32Array(count[cells]);
    this.cellTop = new Float64Array(cells).fill(-Infinity);
    const fill = count.slice(0, cells);
    for (let p = 0; p < n; p++) span(p, (c) => { this.items[fill[c]++] = p; this.cellTop[c] = Math.max(this.cellTop[c], prisms.topM[p]); });
    this.sx = Math.ceil(this.nx / SUPER);
    this.superTop = new Float64Array(this.sx * Math.ceil(this.ny / SUPER)).fill(-Infinity);
    for (let j = 0; j < this.ny; j++) {
      for (let i = 0; i < this.nx; i++) {
        const k = Math.floor(j / SUPER) * this.sx + Math.floor(i / SUPER);
        this.superTop[k] = Math.max(this.superTop[k], this.cellTop[j * this.nx + i]);
      }
    }
    this.stamp = new Uint32Array(n);
  }

  private col(x: number): number { return Math.min(this.nx - 1, Math.max(0, Math.floor((x - this.xMinM) / this.cellSizeM))); }
  private row(y: number): number { return Math.min(this.ny - 1, Math.max(0, Math.floor((y - this.yMinM) / this.cellSizeM))); }

  /** Calls fn for each prism listed in the cell holding (x, y) (nothing outside the grid). */
  cellPrisms(xM: number, yM: number, fn: (p: number) => void): void {
    const fi = (xM - this.xMinM) / this.cellSizeM, fj = (yM - this.yMinM) / this.cellSizeM;
    if (fi < 0 || fj < 0 || fi >= this.nx || fj >= this.ny) return;
    const c = Math.floor(fj) * this.nx + Math.floor(fi);
    for (let k = this.cellStart[c]; k < this.cellStart[c + 1]; k++) fn(this.items[k]);
  }

  /** Top of the tallest prism whose footprint contains (x, y), or -Infinity. */
  topAt(xM: number, yM: number): number {
    let top = -Infinity;
    this.cellPrisms(xM, yM, (p) => { if (this.prisms.topM[p] > top && insidePrismRing(this.prisms, p, xM, yM)) top = this.prisms.topM[p]; });
    return top;
  }

  /** The prism of greatest top whose footprint contains (x, y), or -1. */
  prismAt(xM: number, yM: number): number {
    let best = -1;
    this.cellPrisms(xM, yM, (p) => { if ((best < 0 || this.prisms.topM[p] > this.prisms.topM[best]) && insidePrismRing(this.prisms, p, xM, yM)) best = p; });
    return best;
  }

  /**
   * First t in (tMin, tMax] where the ray o + t·d enters a prism (Infinity if none; `hitPrism` set).
   * With `any`, returns at the first entry found, not necessarily the nearest (shadow tests).
   * d need not be unit length: t is in units of |d|.
   */
  firstHit(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tMin: number, tMax: number, any = false): number {
    this.hitPrism = -1;
    const cs = this.cellSizeM, x0 = this.xMinM, y0 = this.yMinM, x1 = x0 + this.nx * cs, y1 = y0 + this.ny * cs;
    // Clip to the grid box, and for upward rays to the height of the tallest prism.
    let t0 = tMin, t1 = tMax;
    if (dz > 0) t1 = Math.min(t1, (this.maxTopM - oz) / dz);
    if (dx !== 0) { const a = (x0 - ox) / dx, b = (x1 - ox) / dx; t0 = Math.max(t0, Math.min(a, b)); t1 = Math.min(t1, Math.max(a, b)); } else if (ox < x0 || ox > x1) return Infinity;
    if (dy !== 0) { const a = (y0 - oy) / dy, b = (y1 - oy) / dy; t0 = Math.max(t0, Math.min(a, b)); t1 = Math.min(t1, Math.max(a, b)); } else if (oy < y0 || oy > y1) return Infinity;
    if (!(t0 <= t1)) return Infinity;
    if (++this.ray === 0xffffffff) { this.stamp.fill(0); this.ray = 1; }
    const ray = this.ray, si = dx > 0 ? 1 : -1, sj = dy > 0 ? 1 : -1;
    const ddx = dx !== 0 ? cs / Math.abs(dx) : Infinity, ddy = dy !== 0 ? cs / Math.abs(dy) : Infinity;
    let best = Infinity, tc0 = t0;
    let i = this.col(ox + t0 * dx), j = this.row(oy + t0 * dy);
    let nextX = dx !== 0 ? (x0 + (dx > 0 ? i + 1 : i) * cs - ox) / dx : Infinity;
    let nextY = dy !== 0 ? (y0 + (dy > 0 ? j + 1 : j) * cs - oy) / dy : Infinity;
    for (;;) {
      // A whole block of cells the ray crosses above everything in it is skipped at once.
      const bi = Math.floor(i / SUPER), bj = Math.floor(j / SUPER);
      const bx0 = x0 + bi * SUPER * cs, by0 = y0 + bj * SUPER * cs;
      const bExit = Math.min(t1,
        dx > 0 ? (bx0 + SUPER * cs - ox) / dx : dx < 0 ? (bx0 - ox) / dx : Infinity,
        dy > 0 ? (by0 + SUPER * cs - oy) / dy : dy < 0 ? (by0 - oy) / dy : Infinity);
      if (oz + dz * (dz >= 0 ? tc0 : bExit) > this.superTop[bj * this.sx + bi]) {
        if (bExit >= t1) return best;
        // Restart the cell walk just past the block (unless rounding keeps it in the same block).
        const ni = this.col(ox + (bExit + 1e-6) * dx), nj = this.row(oy + (bExit + 1e-6) * dy);
        if (Math.floor(ni / SUPER) !== bi || Math.floor(nj / SUPER) !== bj) {
          i = ni; j = nj; tc0 = bExit;
          nextX = dx !== 0 ? (x0 + (dx > 0 ? i + 1 : i) * cs - ox) / dx : Infinity;
          nextY = dy !== 0 ? (y0 + (dy > 0 ? j + 1 : j) * cs - oy) / dy : Infinity;
          continue;
        }
      }
      const tc1 = Math.min(nextX, nextY, t1), c = j * this.nx + i;
      if (oz + dz * (dz >= 0 ? tc0 : tc1) <= this.cellTop[c]) {
        for (let k = this.cellStart[c]; k < this.cellStart[c + 1]; k++) {
          const p = this.items[k];
          if (this.stamp[p] === ray) continue;
          this.stamp[p] = ray;
          const t = prismEntry(this.prisms, p, ox, oy, oz, dx, dy, dz, tMin, Math.min(best, tMax));
          if (t < best) { best = t; this.hitPrism = p; if (any) return t; }
        }
      }
      if (best <= tc1 || tc1 >= t1) return best;
      tc0 = tc1;
      if (nextX < nextY) { i += si; nextX += ddx; } else { j += sj; nextY += ddy; }
      if (i < 0 || j < 0 || i >= this.nx || j >= this.ny) return best;
    }
  }
}

/**
 * Visits each prism whose bounding box the 2D segment o + t·d, t in [0, tMax], passes over, once,
 * in order of the cells walked (near to far). For profiles (skyline, surface) rather than rays.
 */
export function prismsAlong(grid: PrismGrid, ox: number, oy: number, dx: number, dy: number, tMax: number, visit: (p: number) => void): void {
  const seen = new Set<number>(), cs = grid.cellSizeM, x0 = grid.xMinM, y0 = grid.yMinM;
  let i = Math.floor((ox - x0) / cs), j = Math.floor((oy - y0) / cs);
  const si = dx > 0 ? 1 : -1, sj = dy > 0 ? 1 : -1;
  const ddx = dx !== 0 ? cs / Math.abs(dx) : Infinity, ddy = dy !== 0 ? cs / Math.abs(dy) : Infinity;
  let nextX = dx !== 0 ? (x0 + (dx > 0 ? i + 1 : i) * cs - ox) / dx : Infinity;
  let nextY = dy !== 0 ? (y0 + (dy > 0 ? j + 1 : j) * cs - oy) / dy : Infinity;
  for (let t = 0; t <= tMax;) {
    grid.cellPrisms(x0 + (i + 0.5) * cs, y0 + (j + 0.5) * cs, (p) => { if (!seen.has(p)) { seen.add(p); visit(p); } });
    if (nextX < nextY) { t = nextX; i += si; nextX += ddx; } else { t = nextY; j += sj; nextY += ddy; }
    if ((i < 0 && si < 0) || (j < 0 && sj < 0) || (i >= grid.nx && si > 0) || (j >= grid.ny && sj > 0)) return;
  }
}

/** The brute-force peer of PrismGrid.firstHit: every prism, no index (benchmarks and tests). */
export function firstHitBrute(prisms: PrismSet, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tMin: number, tMax: number, any = false): number {
  let best = Infinity;
  for (let p = 0; p < prisms.count; p++) {
    const t = prismEntry(prisms, p, ox, oy, oz, dx, dy, dz, tMin, Math.min(best, tMax));
    if (t < best) { best = t; if (any) return t; }
  }
  return best;
}
