/**
 * GCJ-02 ("Mars coordinates"), the obfuscated lon/lat of maps published in mainland China
 * (AutoNavi/Amap, Tencent, Google China). proj4 lacks it: this is the widely published forward
 * algorithm (Krasovsky 1940 ellipsoid constants, the offset polynomials of the leaked reference
 * implementation as used by eviltransform and coordtransform) and an inverse by fixed-point
 * iteration. Degrees throughout. No DOM.
 */

/** Krasovsky 1940 semi-major axis (m) and first eccentricity squared, as the algorithm uses them. */
const KRASOVSKY_A_M = 6378245.0;
const KRASOVSKY_E2 = 0.00669342162296594323;
const DEG = Math.PI / 180;

/** Inverse stops when the forward image is within this of the target (degrees, ~0.1 mm). */
const INVERSE_TOLERANCE_DEG = 1e-9;
const INVERSE_MAX_ITERATIONS = 30;

/**
 * True outside the rectangle where the offset applies (the same box as eviltransform:
 * lon 72.004..137.8347 E, lat 0.8293..55.8271 N); there GCJ-02 equals WGS84.
 */
export function isOutsideChina(lonDeg: number, latDeg: number): boolean {
  return lonDeg < 72.004 || lonDeg > 137.8347 || latDeg < 0.8293 || latDeg > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/**
 * WGS84 lon/lat (degrees) to GCJ-02, written into `result` (returned). Identity outside China.
 * Allocation-free when a `result` is passed.
 */
export function wgs84ToGcj02(lonDeg: number, latDeg: number, result: number[] | Float64Array = [0, 0]): number[] | Float64Array {
  if (isOutsideChina(lonDeg, latDeg)) {
    result[0] = lonDeg;
    result[1] = latDeg;
    return result;
  }
  const dLat = offsetLat(lonDeg - 105, latDeg - 35);
  const dLon = offsetLon(lonDeg - 105, latDeg - 35);
  const s = Math.sin(latDeg * DEG);
  const magic = 1 - KRASOVSKY_E2 * s * s;
  const sqrtMagic = Math.sqrt(magic);
  result[0] = lonDeg + (dLon * 180) / ((KRASOVSKY_A_M / sqrtMagic) * Math.cos(latDeg * DEG) * Math.PI);
  result[1] = latDeg + (dLat * 180) / (((KRASOVSKY_A_M * (1 - KRASOVSKY_E2)) / (magic * sqrtMagic)) * Math.PI);
  return result;
}

const scratch = [0, 0];

/**
 * GCJ-02 lon/lat (degrees) to WGS84 by fixed-point iteration on the forward transform
 * (w <- w + (g - forward(w))), which converges because the offset varies slowly; stops at
 * 1e-9 degrees (sub-millimetre). Identity outside China.
 */
export function gcj02ToWgs84(lonDeg: number, latDeg: number, result: number[] | Float64Array = [0, 0]): number[] | Float64Array {
  let lon = lonDeg, lat = latDeg;
  for (let k = 0; k < INVERSE_MAX_ITERATIONS; k++) {
    wgs84ToGcj02(lon, lat, scratch);
    const eLon = lonDeg - scratch[0], eLat = latDeg - scratch[1];
    lon += eLon;
    lat += eLat;
    if (Math.abs(eLon) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) break;
  }
  result[0] = lon;
  result[1] = lat;
  return result;
}
