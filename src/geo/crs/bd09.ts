/**
 * BD-09, Baidu Maps' lon/lat: a further published perturbation of GCJ-02 (proj4 lacks it).
 * Degrees throughout. No DOM.
 */

const X_PI = (Math.PI * 3000) / 180;
const INVERSE_TOLERANCE_DEG = 1e-10;
const INVERSE_MAX_ITERATIONS = 10;

/** GCJ-02 lon/lat (degrees) to BD-09, written into `result` (returned). */
export function gcj02ToBd09(lonDeg: number, latDeg: number, result: number[] | Float64Array = [0, 0]): number[] | Float64Array {
  const z = Math.sqrt(lonDeg * lonDeg + latDeg * latDeg) + 0.00002 * Math.sin(latDeg * X_PI);
  const theta = Math.atan2(latDeg, lonDeg) + 0.000003 * Math.cos(lonDeg * X_PI);
  result[0] = z * Math.cos(theta) + 0.0065;
  result[1] = z * Math.sin(theta) + 0.006;
  return result;
}

const scratch = [0, 0];

/**
 * BD-09 lon/lat (degrees) to GCJ-02. Starts from the published closed form (which is not an exact
 * inverse: its round trip is off by up to ~5 cm) and refines it by fixed-point iteration on
 * `gcj02ToBd09` to 1e-10 degrees, so BD-09 -> GCJ-02 -> BD-09 returns the input.
 */
export function bd09ToGcj02(lonDeg: number, latDeg: number, result: number[] | Float64Array = [0, 0]): number[] | Float64Array {
  const x = lonDeg - 0.0065, y = latDeg - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  let lon = z * Math.cos(theta), lat = z * Math.sin(theta);
  for (let k = 0; k < INVERSE_MAX_ITERATIONS; k++) {
    gcj02ToBd09(lon, lat, scratch);
    const eLon = lonDeg - scratch[0], eLat = latDeg - scratch[1];
    if (Math.abs(eLon) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) break;
    lon += eLon;
    lat += eLat;
  }
  result[0] = lon;
  result[1] = lat;
  return result;
}
