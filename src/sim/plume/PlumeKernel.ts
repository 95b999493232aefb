import type { PlumeGrid } from './PlumeGrid';

/**
 * One explicit finite-volume step of 2D advection-diffusion for a column mass (kg/m²) on a
 * PlumeGrid: advective face fluxes are upwind plus a van Leer limited Lax-Wendroff correction
 * (TVD, second order where the field is smooth), diffusive fluxes are central differences, both
 * computed from the same state (unsplit), so every face's flux leaves one cell and enters the
 * other and mass is conserved to round-off. Faces touching an obstacle carry nothing; the grid
 * edge lets gas blow out (upwind) but not in, with no diffusion across it.
 *
 * One fused pass per step: each face flux is computed once (the east face of a cell is the west
 * face of the next; north faces wait in a row buffer for the next row) and the new state goes to
 * a second buffer. Only a window of cells is touched: the bounding box of the cells that can hold
 * gas, grown by the stencil radius (2) every step, so a young plume costs little on a large grid.
 */
export class PlumeKernel {
  readonly grid: PlumeGrid;
  /** Largest column mass seen per cell (kg/m²). */
  readonly maxKgPerM2: Float64Array;
  /** Time integral of column mass per cell (kg s/m²), trapezoidal per step. */
  readonly doseKgSPerM2: Float64Array;
  /** First time (s) a cell reached `thresholdKgPerM2`, Infinity when never. */
  readonly arrivalS: Float64Array;
  thresholdKgPerM2 = Infinity;
  /**
   * Column mass (kg/m²) at or below which cells at the edge of the plume are zeroed after a step
   * (booked in lastTruncatedKg). Without it the exponential tails keep every cell non-zero (down
   * to denormals) and the window grows by the stencil radius every step, whatever the plume does.
   */
  cutoffKgPerM2 = 0;
  /** Mass that left through the grid edge / decayed / was cut off in the last step (kg). */
  lastOutflowKg = 0;
  lastDecayedKg = 0;
  lastTruncatedKg = 0;
  /** Cells updated in the last step (for throughput figures). */
  lastCellsUpdated = 0;
  /** Support window [i0, i1) x [j0, j1); empty while i0 >= i1. */
  i0 = 0; i1 = 0; j0 = 0; j1 = 0;
  private cur: Float64Array;
  private next: Float64Array;
  /** South-face fluxes of the row being updated (kg/(m s)). */
  private readonly southFlux: Float64Array;

  constructor(grid: PlumeGrid) {
    const n = grid.width * grid.height;
    this.grid = grid;
    this.cur = new Float64Array(n);
    this.next = new Float64Array(n);
    this.maxKgPerM2 = new Float64Array(n);
    this.doseKgSPerM2 = new Float64Array(n);
    this.arrivalS = new Float64Array(n).fill(Infinity);
    this.southFlux = new Float64Array(grid.width);
    this.i0 = grid.width; this.j0 = grid.height;
  }

  /** Column mass per cell now (kg/m²); a view that the next step replaces, copy it to keep it. */
  get massKgPerM2(): Float64Array { return this.cur; }

  /** Adds `massKg` to cell k and widens the support to include it. */
  inject(k: number, massKg: number): void {
    const w = this.grid.width, i = k % w, j = (k - i) / w;
    this.cur[k] += massKg / (this.grid.cellSizeM * this.grid.cellSizeM);
    if (i < this.i0) this.i0 = i;
    if (i + 1 > this.i1) this.i1 = i + 1;
    if (j < this.j0) this.j0 = j;
    if (j + 1 > this.j1) this.j1 = j + 1;
  }

  /**
   * Advances dt (s) with wind (u east, v north; m/s), diffusivity k (m²/s) and the decay factor
   * exp(-decay * dt) applied after transport; `tEndS` stamps arrivals. dt must satisfy the
   * stability limit (see plumeStableDt).
   */
  step(dt: number, u: number, v: number, kM2PerS: number, decayFactor: number, tEndS: number): void {
    this.lastOutflowKg = this.lastDecayedKg = this.lastTruncatedKg = this.lastCellsUpdated = 0;
    if (this.i0 >= this.i1) return;
    const { width: w, height: h, blocked: b, cellSizeM: dx } = this.grid;
    const i0 = (this.i0 = Math.max(0, this.i0 - 2)), i1 = (this.i1 = Math.min(w, this.i1 + 2));
    const j0 = (this.j0 = Math.max(0, this.j0 - 2)), j1 = (this.j1 = Math.min(h, this.j1 + 2));
    const c = this.cur, nx = this.next, fs = this.southFlux, cmax = this.maxKgPerM2, dose = this.doseKgSPerM2, arr = this.arrivalS;
    const cu = 0.5 * (1 - (Math.abs(u) * dt) / dx), cv = 0.5 * (1 - (Math.abs(v) * dt) / dx), kd = kM2PerS / dx;
    const r = dt / dx, halfDt = 0.5 * dt, thr = this.thresholdKgPerM2, cut = this.cutoffKgPerM2;
    let out = 0, decayed = 0, si0 = w, si1 = 0, sj0 = h, sj1 = 0;
    for (let i = i0; i < i1; i++) fs[i] = yFace(c, b, w, h, i, j0, v, cv, kd);
    if (j0 === 0) for (let i = i0; i < i1; i++) out -= fs[i];
    for (let j = j0; j < j1; j++) {
      let fw = xFace(c, b, w, i0, j, u, cu, kd);
      if (i0 === 0) out -= fw;
      for (let i = i0, k = j * w + i0; i < i1; i++, k++) {
        const fe = xFace(c, b, w, i + 1, j, u, cu, kd), fn = yFace(c, b, w, h, i, j + 1, v, cv, kd);
        if (!b[k]) {
          const c0 = c[k], transported = c0 + r * (fw - fe + fs[i] - fn), c1 = transported * decayFactor;
          decayed += transported - c1;
          nx[k] = c1;
          if (c1 > cmax[k]) cmax[k] = c1;
          dose[k] += halfDt * (c0 + c1);
          if (c1 >= thr && arr[k] === Infinity) arr[k] = tEndS;
          if (c1 > cut) {
            if (i < si0) si0 = i;
            if (i >= si1) si1 = i + 1;
            if (j < sj0) sj0 = j;
            sj1 = j + 1;
          }
        }
        fs[i] = fn;
        fw = fe;
      }
      if (i1 === w) out += fw;
    }
    if (j1 === h) for (let i = i0; i < i1; i++) out += fs[i];
    this.cur = nx;
    this.next = c;
    this.lastOutflowKg = out * dx * dt;
    this.lastDecayedKg = decayed * dx * dx;
    this.lastCellsUpdated = (i1 - i0) * (j1 - j0);
    this.shrinkTo(si0, si1, sj0, sj1);
  }

  /**
   * Makes [si0, si1) x [sj0, sj1) the support: cells of the window outside it (all at or below
   * the cutoff) are zeroed in both buffers and their mass booked as truncated.
   */
  private shrinkTo(si0: number, si1: number, sj0: number, sj1: number): void {
    const w = this.grid.width, a = this.cur, b = this.next;
    if (si0 >= si1) { si0 = si1 = sj0 = sj1 = 0; }
    let cutMass = 0;
    for (let j = this.j0; j < this.j1; j++) {
      const inside = j >= sj0 && j < sj1;
      for (let i = this.i0, k = j * w + this.i0; i < this.i1; i++, k++) {
        if (inside && i === si0) { i = si1 - 1; k = j * w + i; continue; }
        cutMass += a[k];
        a[k] = 0;
        b[k] = 0;
      }
    }
    this.lastTruncatedKg = cutMass * this.grid.cellSizeM * this.grid.cellSizeM;
    if (si0 >= si1) { this.i0 = w; this.i1 = 0; this.j0 = this.grid.height; this.j1 = 0; return; }
    this.i0 = si0; this.i1 = si1; this.j0 = sj0; this.j1 = sj1;
  }

  /** Mass held on the grid (kg), summed over the window. */
  storedKg(): number {
    const w = this.grid.width, c = this.cur;
    let s = 0;
    for (let j = this.j0; j < this.j1; j++) for (let k = j * w + this.i0, e = j * w + this.i1; k < e; k++) s += c[k];
    return s * this.grid.cellSizeM * this.grid.cellSizeM;
  }
}

/** Flux (kg/(m s), positive eastwards) through the west face of cell (i, j); i = w is the east edge. */
function xFace(c: Float64Array, b: Uint8Array, w: number, i: number, j: number, u: number, corr: number, kd: number): number {
  const R = j * w + i, L = R - 1;
  if (i === 0) return u < 0 && !b[R] ? u * c[R] : 0;
  if (i === w) return u > 0 && !b[L] ? u * c[L] : 0;
  if (b[L] || b[R]) return 0;
  const cL = c[L], cR = c[R], d = cR - cL;
  let s = 0;
  if (u >= 0) {
    if (i >= 2 && !b[L - 1]) { const a = cL - c[L - 1], p = a * d; if (p > 0) s = (2 * p) / (a + d); }
    return u * (cL + corr * s) - kd * d;
  }
  if (i <= w - 2 && !b[R + 1]) { const a = c[R + 1] - cR, p = d * a; if (p > 0) s = (2 * p) / (d + a); }
  return u * (cR - corr * s) - kd * d;
}

/** Flux (kg/(m s), positive northwards) through the south face of cell (i, j); j = h is the north edge. */
function yFace(c: Float64Array, b: Uint8Array, w: number, h: number, i: number, j: number, v: number, corr: number, kd: number): number {
  const N = j * w + i, S = N - w;
  if (j === 0) return v < 0 && !b[N] ? v * c[N] : 0;
  if (j === h) return v > 0 && !b[S] ? v * c[S] : 0;
  if (b[S] || b[N]) return 0;
  const cS = c[S], cN = c[N], d = cN - cS;
  let s = 0;
  if (v >= 0) {
    if (j >= 2 && !b[S - w]) { const a = cS - c[S - w], p = a * d; if (p > 0) s = (2 * p) / (a + d); }
    return v * (cS + corr * s) - kd * d;
  }
  if (j <= h - 2 && !b[N + w]) { const a = c[N + w] - cN, p = d * a; if (p > 0) s = (2 * p) / (d + a); }
  return v * (cN - corr * s) - kd * d;
}

/** Largest stable step (s) for the unsplit scheme: cfl / ((|u| + |v|) / dx + 4 K / dx²). */
export function plumeStableDt(cellSizeM: number, speedMps: number, kM2PerS: number, cfl: number): number {
  // |u| + |v| <= sqrt(2) * speed whatever the direction; using the bound keeps dt smooth as wind veers.
  const rate = (Math.SQRT2 * speedMps) / cellSizeM + (4 * kM2PerS) / (cellSizeM * cellSizeM);
  return rate > 0 ? cfl / rate : Infinity;
}
