/** Atmospheric refraction of a celestial body near the horizon (Meeus eq. 16.4, Saemundsson). */

const DEG = Math.PI / 180;

/** Air at the observer; refraction scales with pressure and inversely with temperature. */
export interface Atmosphere {
  /** Surface pressure (hPa); default 1010. */
  pressureHPa?: number;
  /** Air temperature (deg C); default 10. */
  temperatureC?: number;
}

/** Sun's angular radius plus standard refraction at the horizon (deg): below this the sun has set. */
const BELOW_HORIZON_DEG = -(0.26667 + 0.5667);

/**
 * Refraction (deg, >= 0) to add to a true (airless) elevation to get the apparent one. Zero when
 * the body is more than its radius plus the horizon refraction below the horizon.
 */
export function refractionDeg(trueElevationDeg: number, atm: Atmosphere = {}): number {
  if (trueElevationDeg < BELOW_HORIZON_DEG) return 0;
  const p = atm.pressureHPa ?? 1010, t = atm.temperatureC ?? 10;
  const e = trueElevationDeg;
  const arcmin = 1.02 / Math.tan((e + 10.3 / (e + 5.11)) * DEG);
  return (p / 1010) * (283 / (273 + t)) * (arcmin / 60);
}
