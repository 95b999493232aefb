import { solarPosition, type SolarOptions } from './solarPosition';

/** A day's sun over a time window, sampled at the middle of each step (one ray direction per step). */
export interface SunPath {
  /** Minutes each step stands for. */
  stepMin: number;
  count: number;
  /** UTC instant of each step (Unix ms). */
  timesMs: Float64Array;
  /** Apparent elevation and azimuth (deg, clockwise from north) per step. */
  elevationDeg: Float64Array;
  azimuthDeg: Float64Array;
  /** Unit vector towards the sun per step (x east, y north, z up). */
  directions: Float64Array;
}

/** Window and step of a sun path, in true (apparent) solar time. */
export interface SunWindow {
  /** Start and end hour in true solar time; default 8 and 16 (GB 50180 大寒日 window). */
  startHour?: number;
  endHour?: number;
  /** Step (min); default 1 (GB/T 50947 asks for at most 1 min). */
  stepMin?: number;
}

/** At most this many steps in a path (one per minute of a whole day). */
export const MAX_SUN_STEPS = 1440;

/** Parses 'YYYY-MM-DD' into [year, monthIndex, day] or throws naming `what`. */
export function parseIsoDate(date: string, what = 'date'): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (!m || new Date(ms).getUTCDate() !== +m[3]) throw new Error(`${what}: expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return [+m[1], +m[2] - 1, +m[3]];
}

/**
 * The UTC instant (Unix ms) of a true solar time (hours) on a date at a longitude: local mean
 * time is UTC + lon/15 h, and true solar time is mean time plus the equation of time.
 */
export function trueSolarTimeToUtc(date: string, lonDeg: number, hours: number): number {
  const [y, mo, d] = parseIsoDate(date);
  const mean = (h: number) => Date.UTC(y, mo, d) + (h - lonDeg / 15) * 3_600_000;
  const eotMin = solarPosition(mean(12), lonDeg, 0).equationOfTimeMin;
  return mean(hours) - eotMin * 60_000;
}

/** The sun over [startHour, endHour] true solar time on `date` at a place, one direction per step. */
export function sunPath(date: string, lonDeg: number, latDeg: number, w: SunWindow = {}, opts: SolarOptions = {}): SunPath {
  const start = w.startHour ?? 8, end = w.endHour ?? 16, stepMin = w.stepMin ?? 1;
  if (!(start >= 0 && end <= 24 && end > start)) throw new Error(`sunPath: expected 0 <= startHour < endHour <= 24 (true solar time), got ${start} to ${end}`);
  if (!(stepMin > 0)) throw new Error(`sunPath: stepMin must be > 0 min, got ${stepMin}`);
  const count = Math.round(((end - start) * 60) / stepMin);
  if (count > MAX_SUN_STEPS) throw new Error(`sunPath: ${count} steps of ${stepMin} min, at most ${MAX_SUN_STEPS}`);
  const t0 = trueSolarTimeToUtc(date, lonDeg, start);
  const timesMs = new Float64Array(count), elevationDeg = new Float64Array(count), azimuthDeg = new Float64Array(count), directions = new Float64Array(3 * count);
  const rad = Math.PI / 180;
  for (let k = 0; k < count; k++) {
    const t = t0 + (k + 0.5) * stepMin * 60_000;
    const p = solarPosition(t, lonDeg, latDeg, opts);
    timesMs[k] = t;
    elevationDeg[k] = p.elevationDeg;
    azimuthDeg[k] = p.azimuthDeg;
    const ce = Math.cos(p.elevationDeg * rad);
    directions[3 * k] = ce * Math.sin(p.azimuthDeg * rad);
    directions[3 * k + 1] = ce * Math.cos(p.azimuthDeg * rad);
    directions[3 * k + 2] = Math.sin(p.elevationDeg * rad);
  }
  return { stepMin, count, timesMs, elevationDeg, azimuthDeg, directions };
}
