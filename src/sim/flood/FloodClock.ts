import { nextBreakS, valueAt } from '../core/TimeSeries';
import type { StepForcing } from './FloodBandKernel';
import type { FloodParams } from './FloodParams';

const MM_PER_H_TO_M_PER_S = 1 / 3.6e6;

/**
 * Picks each step's length and forcing: dt = cfl * dx / sqrt(g * hmax) (Bates et al. 2010), at most
 * dtMaxS, cut so a step never straddles a hyetograph/hydrograph break or the chunk's end. Every band
 * runs its own clock on the same inputs, so all agree on dt bit for bit without talking.
 */
export class FloodClock {
  readonly forcing: StepForcing;
  private readonly p: FloodParams;
  private readonly cellSizeM: number;

  constructor(params: FloodParams, cellSizeM: number) {
    this.p = params;
    this.cellSizeM = cellSizeM;
    this.forcing = { dtS: 0, rainDepthM: 0, drainDepthM: 0, inflowM3PerS: new Float64Array(params.inflows.length) };
  }

  /** Fills `forcing` for the step starting at tS; returns the time (s) at its end (exactly untilS on the last one). */
  next(tS: number, hmaxM: number, untilS: number): number {
    const p = this.p;
    let dt = hmaxM > 0 ? Math.min(p.dtMaxS, (p.cfl * this.cellSizeM) / Math.sqrt(p.gravityMPerS2 * hmaxM)) : p.dtMaxS;
    let stop = Math.min(untilS, nextBreakS(p.rainfallMmPerH, tS));
    for (const f of p.inflows) stop = Math.min(stop, nextBreakS(f.dischargeM3PerS, tS));
    let tEnd = tS + dt;
    if (tEnd >= stop) { dt = stop - tS; tEnd = stop; }
    const mid = tS + 0.5 * dt, fo = this.forcing;
    fo.dtS = dt;
    fo.rainDepthM = valueAt(p.rainfallMmPerH, mid) * MM_PER_H_TO_M_PER_S * dt;
    fo.drainDepthM = p.drainageMmPerH * MM_PER_H_TO_M_PER_S * dt;
    for (let m = 0; m < p.inflows.length; m++) fo.inflowM3PerS[m] = valueAt(p.inflows[m].dischargeM3PerS, mid);
    return tEnd;
  }
}
