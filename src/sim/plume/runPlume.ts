import { LocalFrame } from '../../geo/LocalFrame';
import { rasterHeader, type RasterGrid } from '../core/RasterGrid';
import type { AbortLike, SimProgressCallback } from '../core/SimProgress';
import { maskToPolygons } from './maskToPolygons';
import type { PlumeGrid } from './PlumeGrid';
import type { PlumeParams } from './PlumeParams';
import { PlumeSolver, toMgPerM3, type PlumeMassBalance } from './PlumeSolver';
import { zoneExposure, type ZoneBuilding, type ZoneExposure } from './zoneExposure';
import { zoneGeoJson, type MultiPolygonFeature } from './zoneGeoJson';

/** A whole leak scenario: grid, physics, how long, what to keep, and the zone's threshold. */
export interface PlumeRunInput {
  grid: PlumeGrid;
  params: Partial<PlumeParams>;
  /** Simulated duration (s). */
  endTimeS: number;
  /** Interval between kept concentration frames (s); 0 keeps none. Default 300. */
  frameIntervalS?: number;
  /**
   * Concentration (mg/m³) whose exceedance, at any time of the run, puts a cell in the evacuation
   * zone: an AEGL-2 / ERPG-2 like level of the chemical (chlorine AEGL-2 60 min: 2 ppm = 5.8 mg/m³).
   */
  thresholdMgPerM3: number;
  /** Buildings to count in the zone (plane meters); omit for no exposure figures. */
  buildings?: ReadonlyArray<ZoneBuilding>;
}

/** Everything a leak run produces; every array is transferable (see plumeResultTransferables). */
export interface PlumeResult {
  grid: RasterGrid;
  endTimeS: number;
  steps: number;
  /** Window cells updated, summed over steps (the solver's work). */
  cellUpdates: number;
  wallMs: number;
  /** Times (s) of the kept frames. */
  frameTimesS: Float64Array;
  /** Concentration (mg/m³) per frame and cell: frame f, cell k at f * width * height + k. */
  framesMgPerM3: Float32Array;
  /** Largest concentration per cell over the run (mg/m³). */
  maxMgPerM3: Float32Array;
  /** Time-integrated concentration per cell (mg min/m³), the toxic-load measure. */
  doseMgMinPerM3: Float32Array;
  /** First time (s) each cell reached the threshold; Infinity when never. */
  arrivalS: Float32Array;
  /** 1 for cells of the evacuation zone. */
  zoneMask: Uint8Array;
  zone: { thresholdMgPerM3: number; cells: number; areaM2: number; feature: MultiPolygonFeature };
  exposure: ZoneExposure | null;
  massBalance: PlumeMassBalance;
}

/** Runs a leak to `endTimeS`, keeping frames; reports progress; rejects with SimCancelledError on abort. */
export async function runPlume(
  input: PlumeRunInput, options: { signal?: AbortLike; onProgress?: SimProgressCallback } = {},
): Promise<PlumeResult> {
  const t0 = performance.now();
  if (!(input.endTimeS > 0 && Number.isFinite(input.endTimeS))) throw new Error(`runPlume: endTimeS must be a finite number > 0 s, got ${input.endTimeS}`);
  if (!(input.thresholdMgPerM3 > 0)) throw new Error(`runPlume: thresholdMgPerM3 must be > 0 mg/m³, got ${input.thresholdMgPerM3}`);
  const interval = input.frameIntervalS ?? 300;
  if (!(interval >= 0)) throw new Error(`runPlume: frameIntervalS must be >= 0 s, got ${interval}`);
  const solver = new PlumeSolver(input.grid, input.params);
  const n = input.grid.width * input.grid.height, H = solver.params.mixingHeightM;
  solver.setArrivalThreshold((input.thresholdMgPerM3 * H) / 1e6);
  const frameTimes: number[] = [];
  if (interval > 0) for (let t = interval; t < input.endTimeS - 1e-9; t += interval) frameTimes.push(t);
  frameTimes.push(input.endTimeS);
  const frames = new Float32Array(interval > 0 ? frameTimes.length * n : 0);
  const onStep = (timeS: number, steps: number) => options.onProgress?.({
    simTimeS: timeS, endTimeS: input.endTimeS, fraction: timeS / input.endTimeS, steps, elapsedMs: performance.now() - t0,
  });
  for (let f = 0; f < frameTimes.length; f++) {
    await solver.advance(frameTimes[f], { signal: options.signal, onStep });
    if (interval > 0) solver.readConcentration(frames.subarray(f * n, (f + 1) * n));
  }
  const maxMgPerM3 = solver.readMaxConcentration();
  const zoneMask = new Uint8Array(n);
  let cells = 0;
  for (let k = 0; k < n; k++) if (maxMgPerM3[k] >= input.thresholdMgPerM3) { zoneMask[k] = 1; cells++; }
  const frame = new LocalFrame(input.grid.originLonDeg, input.grid.originLatDeg);
  const areaM2 = cells * input.grid.cellSizeM ** 2;
  const feature = zoneGeoJson(maskToPolygons(input.grid, zoneMask), frame, { thresholdMgPerM3: input.thresholdMgPerM3, areaM2 });
  const dose = toMgPerM3(solver.kernel.doseKgSPerM2, H);
  for (let k = 0; k < n; k++) dose[k] /= 60;
  return {
    grid: rasterHeader(input.grid), endTimeS: input.endTimeS, steps: solver.steps, cellUpdates: solver.cellUpdates,
    wallMs: performance.now() - t0, frameTimesS: interval > 0 ? Float64Array.from(frameTimes) : new Float64Array(0),
    framesMgPerM3: frames, maxMgPerM3, doseMgMinPerM3: dose, arrivalS: Float32Array.from(solver.kernel.arrivalS),
    zoneMask, zone: { thresholdMgPerM3: input.thresholdMgPerM3, cells, areaM2, feature },
    exposure: input.buildings ? zoneExposure(input.grid, zoneMask, input.buildings) : null,
    massBalance: solver.massBalance(),
  };
}

/** The buffers of a result, for postMessage's transfer list (comlink `transfer`). */
export function plumeResultTransferables(r: PlumeResult): ArrayBuffer[] {
  const arrays = [r.frameTimesS, r.framesMgPerM3, r.maxMgPerM3, r.doseMgMinPerM3, r.arrivalS, r.zoneMask, r.exposure?.buildingIndices];
  return arrays.filter((a) => a !== undefined).map((a) => a!.buffer as ArrayBuffer);
}
