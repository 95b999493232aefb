import { assertTimeSeries, constantSeries, type TimeSeries } from '../core/TimeSeries';

/** What happens at one side of the grid: `closed` walls, or `open` free outflow (no inflow). */
export type BoundaryKind = 'closed' | 'open';

export interface FloodBoundaries {
  west: BoundaryKind;
  east: BoundaryKind;
  south: BoundaryKind;
  north: BoundaryKind;
}

/** A discharge fed into a set of cells, shared equally between them (a river entering the grid). */
export interface FloodInflow {
  id: string;
  /** Cell indices (j * width + i) the discharge enters; open cells only. */
  cells: number[];
  /** Discharge over time (m³/s), usually `linear`. */
  dischargeM3PerS: TimeSeries;
}

/** Physics and forcing of a flood run; plain data, so it crosses to workers as is. */
export interface FloodParams {
  /** Manning roughness (s/m^(1/3)); 0.03 suits mixed urban ground. */
  manningN: number;
  /** Rain intensity over time (mm/h), falling on every open cell. Rain on roofs is not modelled. */
  rainfallMmPerH: TimeSeries;
  /** Drainage (sewer) capacity as a sink on every open cell (mm/h); removes at most the water there. */
  drainageMmPerH: number;
  inflows: FloodInflow[];
  boundaries: FloodBoundaries;
  /**
   * Courant factor alpha in dt = alpha * dx / sqrt(g * hmax). The scheme's linear stability limit on
   * a square grid is 1/sqrt(2) = 0.707 in 2-D (1 in 1-D): Bates et al.'s (2010) 0.7 sits on it and
   * grows checkerboard depths in 2-D oscillating flows (water sloshing in a bowl: 0.1 m of water
   * spiked to 0.28 m within half a second). Default 0.6; at most 0.7.
   */
  cfl: number;
  /**
   * de Almeida et al. (2012) weighting: 1 is the plain Bates et al. (2010) scheme, below 1 adds
   * diffusion. Default 0.9: on the demo river (7 m channel, n 0.03, 150 m³/s) theta 1 grows
   * checkerboard depths at cfl 0.7 (it needs cfl <= 0.5 there), 0.9 stays clean; without friction
   * theta 1 is noisy at any cfl.
   */
  theta: number;
  /**
   * Largest Froude number of an edge flux (|q| <= Fr * hf * sqrt(g hf)); Infinity lets it be. The
   * local-inertial scheme drops advection and goes unstable in fast supercritical flow (checkerboard
   * depths); capping at 1 keeps the velocity Courant number under cfl. Default 1.
   */
  froudeMax: number;
  /** Flow depth (m) below which an edge carries no flux (wet/dry threshold). */
  hMinFlowM: number;
  /** Largest time step (s), used while the grid is dry or shallow. */
  dtMaxS: number;
  gravityMPerS2: number;
}

/** Largest accepted Courant factor: just under the 2-D limit 1/sqrt(2) of the scheme. */
export const MAX_CFL = 0.7;

export const DEFAULT_FLOOD_PARAMS: FloodParams = {
  manningN: 0.03,
  rainfallMmPerH: constantSeries(0),
  drainageMmPerH: 0,
  inflows: [],
  boundaries: { west: 'closed', east: 'closed', south: 'closed', north: 'closed' },
  cfl: 0.6,
  theta: 0.9,
  froudeMax: 1,
  hMinFlowM: 1e-3,
  dtMaxS: 10,
  gravityMPerS2: 9.81,
};

/** Fills defaults and checks ranges; throws naming the field and the expected value. */
export function floodParams(partial: Partial<FloodParams> = {}): FloodParams {
  const p: FloodParams = { ...DEFAULT_FLOOD_PARAMS, ...partial, boundaries: { ...DEFAULT_FLOOD_PARAMS.boundaries, ...partial.boundaries } };
  const check = (ok: boolean, field: string, expected: string, got: unknown) => {
    if (!ok) throw new Error(`FloodParams: ${field} must be ${expected}, got ${JSON.stringify(got)}`);
  };
  check(p.manningN >= 0 && p.manningN < 1, 'manningN', 'in [0, 1) s/m^(1/3)', p.manningN);
  check(p.drainageMmPerH >= 0 && Number.isFinite(p.drainageMmPerH), 'drainageMmPerH', 'a finite number >= 0', p.drainageMmPerH);
  check(p.cfl > 0 && p.cfl <= MAX_CFL, 'cfl', `in (0, ${MAX_CFL}] (the 2-D stability limit is 1/sqrt(2))`, p.cfl);
  check(p.theta >= 0.5 && p.theta <= 1, 'theta', 'in [0.5, 1]', p.theta);
  check(p.froudeMax > 0, 'froudeMax', '> 0 (Infinity for no cap)', p.froudeMax);
  check(p.hMinFlowM > 0 && p.hMinFlowM < 1, 'hMinFlowM', 'in (0, 1) m', p.hMinFlowM);
  check(p.dtMaxS > 0 && Number.isFinite(p.dtMaxS), 'dtMaxS', 'a finite number > 0 s', p.dtMaxS);
  check(p.gravityMPerS2 > 0, 'gravityMPerS2', '> 0', p.gravityMPerS2);
  for (const side of ['west', 'east', 'south', 'north'] as const) {
    check(p.boundaries[side] === 'open' || p.boundaries[side] === 'closed', `boundaries.${side}`, '"open" or "closed"', p.boundaries[side]);
  }
  assertTimeSeries(p.rainfallMmPerH, 'FloodParams: rainfallMmPerH');
  check(p.rainfallMmPerH.values.every((v) => v >= 0), 'rainfallMmPerH.values', '>= 0 mm/h', p.rainfallMmPerH.values);
  p.inflows.forEach((f, k) => {
    assertTimeSeries(f.dischargeM3PerS, `FloodParams: inflows[${k}].dischargeM3PerS`);
    check(f.dischargeM3PerS.values.every((v) => v >= 0), `inflows[${k}].dischargeM3PerS.values`, '>= 0 m³/s', f.dischargeM3PerS.values);
    check(f.cells.length > 0, `inflows[${k}].cells`, 'a non-empty list of cell indices', f.cells.length);
  });
  return p;
}
