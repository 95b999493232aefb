import { assertTimeSeries, constantSeries, type TimeSeries } from '../core/TimeSeries';

/** A release of gas at a point: `rateKgPerS` from `startS` for `durationS` seconds. */
export interface PlumeSource {
  lonDeg: number;
  latDeg: number;
  /** Mass emission rate during the release (kg/s). */
  rateKgPerS: number;
  /** Release start (s since the run's start). Default 0. */
  startS?: number;
  /** Release length (s); omitted (or Infinity) for a continuous leak. */
  durationS?: number;
}

/**
 * Physics and forcing of a gas-dispersion run. The gas is taken as well mixed over a layer of
 * `mixingHeightM` (a 2D depth-averaged model), so concentration = column mass / mixing height.
 * Plain data: it crosses to a worker as is.
 */
export interface PlumeParams {
  sources: PlumeSource[];
  /** Wind speed over time (m/s), uniform in space. */
  windSpeedMps: TimeSeries;
  /**
   * Direction the wind blows FROM over time (degrees clockwise from north, the meteorological
   * convention: 270 is a westerly blowing towards the east). `linear` series interpolate the
   * numbers as given, so write 350 -> 370 rather than 350 -> 10 for a veer through north.
   */
  windFromDeg: TimeSeries;
  /** Horizontal eddy diffusivity (m²/s); 5-50 is typical of an urban boundary layer. */
  diffusivityM2PerS: number;
  /** Depth of the layer the gas mixes through (m). */
  mixingHeightM: number;
  /** First-order loss rate (1/s): reaction, deposition; 0 conserves mass. */
  decayPerS: number;
  /**
   * Concentration (mg/m³) below which the plume's fringe is set to zero (booked as truncated mass
   * in the balance), which keeps the updated window to the plume; 0 keeps every trace. Default 1e-9.
   */
  cutoffMgPerM3: number;
  /** Fraction of the stability limit the time step uses, in (0, 1]. */
  cfl: number;
  /** Largest time step (s), used in calm air. */
  dtMaxS: number;
}

export const DEFAULT_PLUME_PARAMS: PlumeParams = {
  sources: [],
  windSpeedMps: constantSeries(3),
  windFromDeg: constantSeries(270),
  diffusivityM2PerS: 20,
  mixingHeightM: 50,
  decayPerS: 0,
  cutoffMgPerM3: 1e-9,
  cfl: 0.5,
  dtMaxS: 30,
};

/** Fills defaults and checks ranges; throws naming the field and the expected value. */
export function plumeParams(partial: Partial<PlumeParams> = {}): PlumeParams {
  const p: PlumeParams = { ...DEFAULT_PLUME_PARAMS, ...partial };
  const check = (ok: boolean, field: string, expected: string, got: unknown) => {
    if (!ok) throw new Error(`PlumeParams: ${field} must be ${expected}, got ${JSON.stringify(got)}`);
  };
  check(Array.isArray(p.sources), 'sources', 'an array of sources', p.sources);
  p.sources.forEach((s, k) => {
    check(Number.isFinite(s?.lonDeg) && Math.abs(s.lonDeg) <= 180, `sources[${k}].lonDeg`, 'a longitude in degrees', s?.lonDeg);
    check(Number.isFinite(s.latDeg) && Math.abs(s.latDeg) <= 90, `sources[${k}].latDeg`, 'a latitude in degrees', s.latDeg);
    check(Number.isFinite(s.rateKgPerS) && s.rateKgPerS >= 0, `sources[${k}].rateKgPerS`, 'a finite number >= 0 kg/s', s.rateKgPerS);
    check(s.startS === undefined || (Number.isFinite(s.startS) && s.startS >= 0), `sources[${k}].startS`, 'a finite number >= 0 s', s.startS);
    check(s.durationS === undefined || s.durationS > 0, `sources[${k}].durationS`, '> 0 s (omit it for a continuous leak)', s.durationS);
  });
  assertTimeSeries(p.windSpeedMps, 'PlumeParams: windSpeedMps');
  check(p.windSpeedMps.values.every((v) => v >= 0 && v < 100), 'windSpeedMps.values', 'in [0, 100) m/s', p.windSpeedMps.values);
  assertTimeSeries(p.windFromDeg, 'PlumeParams: windFromDeg');
  check(Number.isFinite(p.diffusivityM2PerS) && p.diffusivityM2PerS >= 0, 'diffusivityM2PerS', 'a finite number >= 0 m²/s', p.diffusivityM2PerS);
  check(Number.isFinite(p.mixingHeightM) && p.mixingHeightM > 0, 'mixingHeightM', 'a finite number > 0 m', p.mixingHeightM);
  check(Number.isFinite(p.decayPerS) && p.decayPerS >= 0, 'decayPerS', 'a finite number >= 0 1/s', p.decayPerS);
  check(Number.isFinite(p.cutoffMgPerM3) && p.cutoffMgPerM3 >= 0, 'cutoffMgPerM3', 'a finite number >= 0 mg/m³', p.cutoffMgPerM3);
  check(p.cfl > 0 && p.cfl <= 1, 'cfl', 'in (0, 1]', p.cfl);
  check(Number.isFinite(p.dtMaxS) && p.dtMaxS > 0, 'dtMaxS', 'a finite number > 0 s', p.dtMaxS);
  return p;
}

/** Source start (s), defaulting to 0. */
export function sourceStartS(s: PlumeSource): number {
  return s.startS ?? 0;
}

/** Source end (s): Infinity for a continuous leak. */
export function sourceEndS(s: PlumeSource): number {
  return sourceStartS(s) + (s.durationS ?? Infinity);
}
