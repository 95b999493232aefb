import { LocalFrame } from '../../geo/LocalFrame';
import { advanceInSteps, type StepAdvanceOptions } from '../core/advanceInSteps';
import { nextBreakS, valueAt } from '../core/TimeSeries';
import { assertPlumeGrid, type PlumeGrid } from './PlumeGrid';
import { PlumeKernel, plumeStableDt } from './PlumeKernel';
import { plumeParams, sourceEndS, sourceStartS, type PlumeParams } from './PlumeParams';
import { sourceFootprint, type SourceCells } from './sourceFootprint';

/** Where the released mass went (kg); `errorKg` = released - stored - outflow - decayed - truncated. */
export interface PlumeMassBalance {
  releasedKg: number;
  storedKg: number;
  outflowKg: number;
  decayedKg: number;
  /** Traces below the cutoff concentration zeroed at the plume's fringe. */
  truncatedKg: number;
  errorKg: number;
}

/** Options of one `advance` call. */
export type PlumeAdvanceOptions = StepAdvanceOptions;

const DEG = Math.PI / 180;

/**
 * Gas dispersion on a PlumeGrid: PlumeKernel steps with a stable dt, clipped at every change of
 * forcing (wind breaks, release start and end) so that released mass is exact. Deterministic:
 * the same grid and parameters give the same bits.
 */
export class PlumeSolver {
  readonly grid: PlumeGrid;
  readonly params: PlumeParams;
  readonly kernel: PlumeKernel;
  private readonly sources: SourceCells[];
  private t = 0;
  private n = 0;
  private readonly stepping = { timeS: () => this.t, steps: () => this.n, stepOnce: (untilS: number) => this.stepOnce(untilS) };
  private released = 0;
  private outflow = 0;
  private decayed = 0;
  private truncated = 0;
  /** Cell updates done so far (window cells x steps). */
  cellUpdates = 0;

  /** The grid's mask is copied; cells holding a source are opened so the gas can leave them. */
  constructor(grid: PlumeGrid, params: Partial<PlumeParams>) {
    assertPlumeGrid(grid);
    this.params = plumeParams(params);
    this.grid = { ...grid, blocked: grid.blocked.slice() };
    const frame = new LocalFrame(grid.originLonDeg, grid.originLatDeg);
    this.sources = this.params.sources.map((s, k) => {
      const [x, y] = frame.toPlane(s.lonDeg, s.latDeg);
      return sourceFootprint(this.grid, x, y, `PlumeParams: sources[${k}]`);
    });
    this.kernel = new PlumeKernel(this.grid);
    this.kernel.cutoffKgPerM2 = (this.params.cutoffMgPerM3 * this.params.mixingHeightM) / 1e6;
  }

  get timeS(): number { return this.t; }
  get steps(): number { return this.n; }

  /** Sets the column mass (kg/m²) at and above which arrival times are stamped. */
  setArrivalThreshold(thresholdKgPerM2: number): void { this.kernel.thresholdKgPerM2 = thresholdKgPerM2; }

  /** Wind (u east, v north; m/s) at time t (s). */
  windAt(tS: number, out: { u: number; v: number }): void {
    const speed = valueAt(this.params.windSpeedMps, tS), from = valueAt(this.params.windFromDeg, tS) * DEG;
    out.u = -speed * Math.sin(from);
    out.v = -speed * Math.cos(from);
  }

  /** The end of the next step from the current time: stable, and never across a forcing change or untilS. */
  private nextStepEnd(untilS: number): number {
    const p = this.params, t = this.t;
    let end = Math.min(untilS, t + p.dtMaxS, nextBreakS(p.windSpeedMps, t), nextBreakS(p.windFromDeg, t));
    for (const s of p.sources) {
      const a = sourceStartS(s), b = sourceEndS(s);
      if (a > t) end = Math.min(end, a);
      if (b > t) end = Math.min(end, b);
    }
    const speed = Math.max(valueAt(p.windSpeedMps, t), valueAt(p.windSpeedMps, end));
    return Math.min(end, t + plumeStableDt(this.grid.cellSizeM, speed, p.diffusivityM2PerS, p.cfl));
  }

  /** One step, never past untilS; returns its length (s). */
  stepOnce(untilS: number): number {
    const p = this.params, t0 = this.t, t1 = this.nextStepEnd(untilS), dt = t1 - t0;
    p.sources.forEach((s, k) => {
      const overlap = Math.min(t1, sourceEndS(s)) - Math.max(t0, sourceStartS(s));
      if (overlap > 0 && s.rateKgPerS > 0) {
        const cells = this.sources[k], mass = s.rateKgPerS * overlap;
        for (let q = 0; q < cells.cells.length; q++) this.kernel.inject(cells.cells[q], mass * cells.weights[q]);
        this.released += mass;
      }
    });
    this.windAt(0.5 * (t0 + t1), wind);
    this.kernel.step(dt, wind.u, wind.v, p.diffusivityM2PerS, Math.exp(-p.decayPerS * dt), t1);
    this.outflow += this.kernel.lastOutflowKg;
    this.decayed += this.kernel.lastDecayedKg;
    this.truncated += this.kernel.lastTruncatedKg;
    this.cellUpdates += this.kernel.lastCellsUpdated;
    this.t = t1;
    this.n++;
    return dt;
  }

  /** Steps until exactly untilS (s), yielding to the event loop now and then so a cancel gets through. */
  async advance(untilS: number, options: PlumeAdvanceOptions = {}): Promise<void> {
    await advanceInSteps(this.stepping, untilS, options);
  }

  /** Concentration per cell (mg/m³) now, into `out` (or a new array). */
  readConcentration(out?: Float32Array): Float32Array {
    return toMgPerM3(this.kernel.massKgPerM2, this.params.mixingHeightM, out);
  }

  /** Largest concentration per cell so far (mg/m³). */
  readMaxConcentration(out?: Float32Array): Float32Array {
    return toMgPerM3(this.kernel.maxKgPerM2, this.params.mixingHeightM, out);
  }

  massBalance(): PlumeMassBalance {
    const storedKg = this.kernel.storedKg();
    return {
      releasedKg: this.released, storedKg, outflowKg: this.outflow, decayedKg: this.decayed, truncatedKg: this.truncated,
      errorKg: this.released - storedKg - this.outflow - this.decayed - this.truncated,
    };
  }

  /** Plain arrays only; nothing to release. Safe to call twice. */
  dispose(): void { /* nothing held beyond garbage-collected arrays */ }
}

const wind = { u: 0, v: 0 };

/** Column mass (kg/m²) over a mixing height (m) to concentration (mg/m³). */
export function toMgPerM3(columnKgPerM2: Float64Array, mixingHeightM: number, out?: Float32Array): Float32Array {
  const o = out ?? new Float32Array(columnKgPerM2.length), f = 1e6 / mixingHeightM;
  for (let k = 0; k < o.length; k++) o[k] = columnKgPerM2[k] * f;
  return o;
}
