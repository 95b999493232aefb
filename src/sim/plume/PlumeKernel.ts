import type { PlumeGrid } from './PlumeGrid';

/**
 * One explicit finite-volume step of 2D advection-diffusion for a column mass (kg/m²) on a
 * PlumeGrid: advective face fluxes are upwind plus a van Leer limited Lax-Wendroff correction
 * (TVD, second order where the field is smooth), diffusive fluxes are central differences, both
 * computed from the same state (unsplit), so every face's flux leaves one cell and enters the
 * other and mass is conserved to round-off. Faces touching an obstacle carry nothing; the grid
 * edge lets gas blow out (upwind) but not in, with no diffusion across it.
 *
 * Only a window of cells is touched: the bounding box of the cells that can hold gas, grown by
 * the stencil radius (2) every step, so a young plume costs little on a large grid.
 */
export class PlumeKernel {
  readonly grid: PlumeGrid;
  /** Column mass per cell (kg/m²). */
  readonly massKgPerM2: Float64Array;
  /** Largest column mass seen per cell (kg/m²). */
  readonly maxKgPerM2: Float64Array;
  /** Time integral of column mass per cell (kg s/m²), trapezoidal per step. */
  readonly doseKgSPerM2: Float64Array;
  /** First time (s) a cell reached `thresholdKgPerM2`, Infinity when never. */
  readonly arrivalS: Float64Array;
  thresholdKgPerM2 = Infinity;
  /** Mass that left through the grid edge / decayed in the last step (kg). */
  lastOutflowKg = 0;
  lastDecayedKg = 0;
  /** Cells updated in the last step (for throughput figures). */
  lastCellsUpdated = 0;
  /** Support window [i0, i1) x [j0, j1); empty while i0 >= i1. */
  i0 = 0; i1 = 0; j0 = 0; j1 = 0;
  private readonly fx: Float64Array;
  private readonly fy: Float64Array;

  constructor(grid: PlumeGrid) {
    const { width: w, height: h } = grid, n = w * h;
    this.grid = grid;
    this.massKgPerM2 = new Float64Array(n);
    this.maxKgPerM2 = new Float64Array(n);
    this.doseKgSPerM2 = new Float64Array(n);
    this.arrivalS = new Float64Array(n).fill(Infinity);
    this.fx = new Float64Array((w + 1) * h);
    this.fy = new Float64Array(w * (h + 1));
    this.i0 = w; this.j0 = h;
  }

  /** Adds `massKg` to cell k and widens the support to include it. */
  inject(k: number, massKg: number): void {
    const w = this.grid.width, i = k % w, j = (k - i) / w;
    this.massKgPerM2[k] += massKg / (this.grid.cellSizeM * this.grid.cellSizeM);
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
    this.lastOutflowKg = this.lastDecayedKg = this.lastCellsUpdated = 0;
    if (this.i0 >= this.i1) return;
    const { width: w, height: h } = this.grid;
    this.i0 = Math.max(0, this.i0 - 2); this.i1 = Math.min(w, this.i1 + 2);
    this.j0 = Math.max(0, this.j0 - 2); this.j1 = Math.min(h, this.j1 + 2);
    const out = this.xFluxes(dt, u, kM2PerS) + this.yFluxes(dt, v, kM2PerS);
    this.lastOutflowKg = out * this.grid.cellSizeM * dt;
    this.update(dt, decayFactor, tEndS);
  }

  /** x-face fluxes (kg/(m s)) of the window's rows; returns the net outflow rate through the west/east edges per m. */
  private xFluxes(dt: number, u: number, kd0: number): number {
    const { width: w, blocked, cellSizeM: dx } = this.grid, c = this.massKgPerM2, fx = this.fx;
    const corr = 0.5 * (1 - Math.abs(u) * dt / dx), kd = kd0 / dx;
    let out = 0;
    for (let j = this.j0; j < this.j1; j++) {
      const row = j * w, frow = j * (w + 1);
      for (let i = this.i0; i <= this.i1; i++) {
        const R = row + i, L = R - 1;
        let f = 0;
        if (i === 0) { if (u < 0 && !blocked[R]) f = u * c[R]; }
        else if (i === w) { if (u > 0 && !blocked[L]) f = u * c[L]; }
        else if (!blocked[L] && !blocked[R]) {
          const cL = c[L], cR = c[R], d = cR - cL;
          if (u >= 0) {
            let s = 0;
            if (i >= 2 && !blocked[L - 1]) { const a = cL - c[L - 1], p = a * d; if (p > 0) s = (2 * p) / (a + d); }
            f = u * (cL + corr * s);
          } else {
            let s = 0;
            if (i <= w - 2 && !blocked[R + 1]) { const b = c[R + 1] - cR, p = d * b; if (p > 0) s = (2 * p) / (d + b); }
            f = u * (cR - corr * s);
          }
          f -= kd * d;
        }
        fx[frow + i] = f;
      }
      if (this.i0 === 0) out -= fx[frow];
      if (this.i1 === w) out += fx[frow + w];
    }
    return out;
  }

  /** y-face fluxes (kg/(m s)) of the window's columns; returns the net outflow rate through the south/north edges per m. */
  private yFluxes(dt: number, v: number, kd0: number): number {
    const { width: w, height: h, blocked, cellSizeM: dx } = this.grid, c = this.massKgPerM2, fy = this.fy;
    const corr = 0.5 * (1 - Math.abs(v) * dt / dx), kd = kd0 / dx;
    let out = 0;
    for (let j = this.j0; j <= this.j1; j++) {
      for (let i = this.i0; i < this.i1; i++) {
        const N = j * w + i, S = N - w;
        let f = 0;
        if (j === 0) { if (v < 0 && !blocked[N]) f = v * c[N]; }
        else if (j === h) { if (v > 0 && !blocked[S]) f = v * c[S]; }
        else if (!blocked[S] && !blocked[N]) {
          const cS = c[S], cN = c[N], d = cN - cS;
          if (v >= 0) {
            let s = 0;
            if (j >= 2 && !blocked[S - w]) { const a = cS - c[S - w], p = a * d; if (p > 0) s = (2 * p) / (a + d); }
            f = v * (cS + corr * s);
          } else {
            let s = 0;
            if (j <= h - 2 && !blocked[N + w]) { const b = c[N + w] - cN, p = d * b; if (p > 0) s = (2 * p) / (d + b); }
            f = v * (cN - corr * s);
          }
          f -= kd * d;
        }
        fy[N] = f;
      }
    }
    if (this.j0 === 0) for (let i = this.i0; i < this.i1; i++) out -= fy[i];
    if (this.j1 === h) for (let i = this.i0; i < this.i1; i++) out += fy[h * w + i];
    return out;
  }

  /** Applies the fluxes and decay to the window, then updates max, dose and arrival. */
  private update(dt: number, decayFactor: number, tEndS: number): void {
    const { width: w, blocked, cellSizeM: dx } = this.grid;
    const c = this.massKgPerM2, fx = this.fx, fy = this.fy, cmax = this.maxKgPerM2, dose = this.doseKgSPerM2, arr = this.arrivalS;
    const r = dt / dx, thr = this.thresholdKgPerM2, halfDt = 0.5 * dt;
    let decayed = 0;
    for (let j = this.j0; j < this.j1; j++) {
      const frow = j * (w + 1);
      for (let i = this.i0, k = j * w + this.i0; i < this.i1; i++, k++) {
        if (blocked[k]) continue;
        const c0 = c[k];
        const transported = c0 + r * (fx[frow + i] - fx[frow + i + 1] + fy[k] - fy[k + w]);
        const c1 = transported * decayFactor;
        decayed += transported - c1;
        c[k] = c1;
        if (c1 > cmax[k]) cmax[k] = c1;
        dose[k] += halfDt * (c0 + c1);
        if (c1 >= thr && arr[k] === Infinity) arr[k] = tEndS;
      }
    }
    this.lastDecayedKg = decayed * dx * dx;
    this.lastCellsUpdated = (this.i1 - this.i0) * (this.j1 - this.j0);
  }

  /** Mass held on the grid (kg), summed over the window. */
  storedKg(): number {
    const w = this.grid.width, c = this.massKgPerM2;
    let s = 0;
    for (let j = this.j0; j < this.j1; j++) for (let k = j * w + this.i0, e = j * w + this.i1; k < e; k++) s += c[k];
    return s * this.grid.cellSizeM * this.grid.cellSizeM;
  }
}

/** Largest stable step (s) for the unsplit scheme: cfl / ((|u| + |v|) / dx + 4 K / dx²). */
export function plumeStableDt(cellSizeM: number, speedMps: number, kM2PerS: number, cfl: number): number {
  // |u| + |v| <= sqrt(2) * speed whatever the direction; using the bound keeps dt smooth as wind veers.
  const rate = (Math.SQRT2 * speedMps) / cellSizeM + (4 * kM2PerS) / (cellSizeM * cellSizeM);
  return rate > 0 ? cfl / rate : Infinity;
}
