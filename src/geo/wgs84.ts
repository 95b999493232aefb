/** WGS84 ellipsoid constants and geodetic <-> ECEF conversions (meters, radians). No DOM. */

export const WGS84_A = 6378137.0;
export const WGS84_F = 1 / 298.257223563;
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const B = WGS84_A * (1 - WGS84_F);
const EP2 = (WGS84_A * WGS84_A - B * B) / (B * B);

/** Geodetic (lon, lat in radians, h in meters) to ECEF meters, written into `result` at `offset`. */
export function geodeticToEcef(
  lonRad: number, latRad: number, heightM: number,
  result: Float64Array | number[] = new Float64Array(3), offset = 0,
): Float64Array | number[] {
  const sinLat = Math.sin(latRad), cosLat = Math.cos(latRad);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  result[offset] = (n + heightM) * cosLat * Math.cos(lonRad);
  result[offset + 1] = (n + heightM) * cosLat * Math.sin(lonRad);
  result[offset + 2] = (n * (1 - WGS84_E2) + heightM) * sinLat;
  return result;
}

/** ECEF meters to geodetic [lonRad, latRad, heightM] (Bowring's method, sub-millimetre near the surface). */
export function ecefToGeodetic(x: number, y: number, z: number): [number, number, number] {
  const p = Math.hypot(x, y);
  const theta = Math.atan2(z * WGS84_A, p * B);
  const st = Math.sin(theta), ct = Math.cos(theta);
  const lat = Math.atan2(z + EP2 * B * st * st * st, p - WGS84_E2 * WGS84_A * ct * ct * ct);
  const lon = Math.atan2(y, x);
  const sinLat = Math.sin(lat);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  const h = p / Math.cos(lat) - n;
  return [lon, lat, h];
}

/** Radii of curvature at a latitude: meridional M and prime vertical N (meters). */
export function radiiOfCurvature(latRad: number): { meridionalM: number; primeVerticalM: number } {
  const s = Math.sin(latRad);
  const w = Math.sqrt(1 - WGS84_E2 * s * s);
  return { meridionalM: (WGS84_A * (1 - WGS84_E2)) / (w * w * w), primeVerticalM: WGS84_A / w };
}
