import type { BuildingRecord } from '../../twin/BuildingRecord';
import { parseIsoDate, sunPath, type SunPath } from '../sun/sunPath';
import { facadeSamples, type FacadeSampleOptions, type FacadeSamples } from './FacadeSamples';
import { floorSunlight, residentialBelow, sunlightStandard, type FloorRule, type FloorSunlight, type SunlightStandard } from './sunlightStandard';

/** A sunlight-hours study as asked for: the day, the standard and how finely to sample. */
export interface SunlightRequest extends FacadeSampleOptions {
  /** Day (YYYY-MM-DD, local). */
  date: string;
  /** Standard id (SUNLIGHT_STANDARDS); default 'dahan'. Its window applies unless overridden. */
  standard?: string;
  /** Window in true solar time (hours), default the standard's. */
  startHour?: number;
  endHour?: number;
  /** Sun step (min); default 1. */
  stepMin?: number;
  /** Shortest continuous sun that counts (min); default 1. */
  minRunMin?: number;
  /** Which windows decide a floor (see FloorRule); default 'south'. */
  floorRule?: FloorRule;
}

/** Everything needed to count: samples, the sun path at the site, the standard. */
export interface SunlightPlan {
  samples: FacadeSamples;
  path: SunPath;
  standard: SunlightStandard;
  /** The counting window actually used (hours, true solar time). */
  window: { startHour: number; endHour: number };
  /** Where the sun was computed: the centre of the studied buildings (deg). */
  siteLonLat: [number, number];
  /** True when the date is the standard's day (大寒 Jan 20, 冬至 Dec 22). */
  onStandardDay: boolean;
  minRunMin: number;
  floorRule: FloorRule;
}

/** The outcome: per floor, and the residential floors below the standard. */
export interface SunlightReport {
  floors: FloorSunlight[];
  belowStandard: Array<{ buildingId: string; floors: number[]; worstMinutes: number }>;
}

/**
 * Plans a study of `buildings[i]` for i in `indices`: samples on their facades and the sun path at
 * their centre over the standard's window. `groundM(b)` gives the ground a building stands on.
 */
export function planSunlight(buildings: ReadonlyArray<BuildingRecord>, indices: ReadonlyArray<number>, groundM: (b: BuildingRecord) => number, toLonLat: (x: number, y: number) => [number, number], req: SunlightRequest): SunlightPlan {
  if (!indices.length) throw new Error('sunlight: no buildings to study');
  parseIsoDate(req.date, 'sunlight date');
  const standard = sunlightStandard(req.standard ?? 'dahan');
  let x = 0, y = 0, n = 0;
  for (const i of indices) for (const p of buildings[i].footprint) { x += p[0]; y += p[1]; n++; }
  const siteLonLat = toLonLat(x / n, y / n);
  const samples = facadeSamples(buildings, indices, groundM, req);
  const window = { startHour: req.startHour ?? standard.startHour, endHour: req.endHour ?? standard.endHour };
  const path = sunPath(req.date, siteLonLat[0], siteLonLat[1], { ...window, stepMin: req.stepMin ?? 1 });
  return { samples, path, standard, window, siteLonLat, onStandardDay: req.date.slice(5) === standard.monthDay, minRunMin: req.minRunMin ?? 1, floorRule: req.floorRule ?? 'south' };
}

/** Floors and the residential floors below the plan's standard, from the minutes per sample. */
export function reportSunlight(buildings: ReadonlyArray<BuildingRecord>, plan: SunlightPlan, minutes: Float32Array): SunlightReport {
  const floors = floorSunlight(buildings, plan.samples, minutes, plan.standard.requiredMin, plan.floorRule);
  return { floors, belowStandard: residentialBelow(floors) };
}
