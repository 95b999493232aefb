/**
 * Solar position (NOAA's solar calculator algorithm, after Meeus, "Astronomical Algorithms",
 * chapters 12, 22, 25): good to about 0.01 deg between 1950 and 2050. Pure and allocation-light,
 * so it runs per minute for every sunlight sample direction.
 */
import { refractionDeg, type Atmosphere } from './refraction';

const DEG = Math.PI / 180;
/** Julian day of the Unix epoch (1970-01-01T00:00Z). */
const JD_UNIX = 2440587.5;
const JD_J2000 = 2451545;

/** Where the sun is, seen from a place at an instant. Angles in degrees. */
export interface SolarPosition {
  /** Apparent elevation above the horizon: topocentric, with atmospheric refraction (deg). */
  elevationDeg: number;
  /** Topocentric elevation without refraction (deg). */
  trueElevationDeg: number;
  /** Azimuth clockwise from true north, [0, 360) (deg). */
  azimuthDeg: number;
  /** Apparent declination (deg). */
  declinationDeg: number;
  /** Local hour angle, [-180, 180): negative before true solar noon (deg). */
  hourAngleDeg: number;
  /** Equation of time: apparent minus mean solar time (minutes). */
  equationOfTimeMin: number;
}

/** Options of solarPosition. */
export interface SolarOptions extends Atmosphere {
  /** TT - UT (s); default 69.2 (its value in the 2020s). Shifts the sun by ~0.0008 deg per minute. */
  deltaTS?: number;
}

/** Apparent geocentric sun at a Julian century (TT): right ascension, declination, eq. of time. */
function sunCoordinates(t: number): { raDeg: number; decDeg: number; eotMin: number; distanceAu: number; nutationLonDeg: number; obliquityDeg: number } {
  const l0 = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360;
  const m = 357.52911 + t * (35999.05029 - 0.0001537 * t);
  const e = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
  const mr = m * DEG;
  const c = Math.sin(mr) * (1.914602 - t * (0.004817 + 0.000014 * t)) + Math.sin(2 * mr) * (0.019993 - 0.000101 * t) + Math.sin(3 * mr) * 0.000289;
  const trueLon = l0 + c;
  const distanceAu = (1.000001018 * (1 - e * e)) / (1 + e * Math.cos(mr + c * DEG));
  const omega = (125.04 - 1934.136 * t) * DEG;
  const nutationLonDeg = -0.00478 * Math.sin(omega);
  const appLon = (trueLon - 0.00569 + nutationLonDeg) * DEG;
  const eps0 = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
  const obliquityDeg = eps0 + 0.00256 * Math.cos(omega);
  const eps = obliquityDeg * DEG;
  const raDeg = Math.atan2(Math.cos(eps) * Math.sin(appLon), Math.cos(appLon)) / DEG;
  const decDeg = Math.asin(Math.sin(eps) * Math.sin(appLon)) / DEG;
  const y = Math.tan(eps / 2) ** 2, l = l0 * DEG;
  const eot = y * Math.sin(2 * l) - 2 * e * Math.sin(mr) + 4 * e * y * Math.sin(mr) * Math.cos(2 * l) - 0.5 * y * y * Math.sin(4 * l) - 1.25 * e * e * Math.sin(2 * mr);
  return { raDeg, decDeg, eotMin: (4 * eot) / DEG, distanceAu, nutationLonDeg, obliquityDeg };
}

/** Apparent sidereal time at Greenwich (deg), Meeus 12.4 plus the equation of the equinoxes. */
function apparentSiderealDeg(jdUt: number, t: number, nutationLonDeg: number, obliquityDeg: number): number {
  const d = jdUt - JD_J2000;
  const mean = 280.46061837 + 360.98564736629 * d + t * t * (0.000387933 - t / 38710000);
  return mean + nutationLonDeg * Math.cos(obliquityDeg * DEG);
}

/** Wraps an angle into [-180, 180). */
function wrap180(deg: number): number {
  return ((((deg + 180) % 360) + 360) % 360) - 180;
}

/**
 * The sun's apparent position for an observer at (lonDeg east, latDeg north) at `instant` (a Date or
 * Unix ms, UTC). Elevation is topocentric (parallax removed) and refracted for `pressureHPa`
 * (default 1010) and `temperatureC` (default 10); azimuth is clockwise from north.
 */
export function solarPosition(instant: Date | number, lonDeg: number, latDeg: number, opts: SolarOptions = {}): SolarPosition {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new Error(`solarPosition: instant must be a valid time, got ${String(instant)}`);
  if (!(Math.abs(latDeg) <= 90) || !(Math.abs(lonDeg) <= 180)) throw new Error(`solarPosition: expected lon in [-180, 180] and lat in [-90, 90] (deg), got ${lonDeg}, ${latDeg}`);
  const jdUt = ms / 86_400_000 + JD_UNIX;
  const t = (jdUt + (opts.deltaTS ?? 69.2) / 86_400 - JD_J2000) / 36525;
  const sun = sunCoordinates(t);
  const h = wrap180(apparentSiderealDeg(jdUt, t, sun.nutationLonDeg, sun.obliquityDeg) + lonDeg - sun.raDeg);
  const hr = h * DEG, dr = sun.decDeg * DEG, lr = latDeg * DEG;
  const sinEl = Math.sin(lr) * Math.sin(dr) + Math.cos(lr) * Math.cos(dr) * Math.cos(hr);
  const geoEl = Math.asin(Math.max(-1, Math.min(1, sinEl))) / DEG;
  // Parallax in altitude: the solar horizontal parallax (8.794") scaled by distance, times cos(el).
  const trueEl = geoEl - ((8.794 / 3600) / sun.distanceAu) * Math.cos(geoEl * DEG);
  const az = Math.atan2(Math.sin(hr), Math.cos(hr) * Math.sin(lr) - Math.tan(dr) * Math.cos(lr)) / DEG + 180;
  return {
    elevationDeg: trueEl + refractionDeg(trueEl, opts),
    trueElevationDeg: trueEl,
    azimuthDeg: az % 360,
    declinationDeg: sun.decDeg,
    hourAngleDeg: h,
    equationOfTimeMin: sun.eotMin,
  };
}
