import { WGS84_A, WGS84_F } from '../../geo/wgs84';

const DEG = Math.PI / 180;
const B = WGS84_A * (1 - WGS84_F);

/** The geodesic between two points on the WGS84 ellipsoid. */
export interface GeodesicInverse {
  /** Length along the ellipsoid (m). */
  distanceM: number;
  /** Forward azimuth at the start and at the end (deg, clockwise from north). */
  azimuth1Deg: number;
  azimuth2Deg: number;
}

/**
 * Inverse geodesic problem on WGS84 (Vincenty 1975, with the iteration capped): distance and
 * azimuths between two [lonDeg, latDeg] points, good to well under a millimetre at city scale.
 * Nearly antipodal points, where the iteration may not converge, throw rather than guess.
 */
export function geodesicInverse(a: readonly [number, number], b: readonly [number, number]): GeodesicInverse {
  const f = WGS84_F, L = (b[0] - a[0]) * DEG;
  const u1 = Math.atan((1 - f) * Math.tan(a[1] * DEG)), u2 = Math.atan((1 - f) * Math.tan(b[1] * DEG));
  const su1 = Math.sin(u1), cu1 = Math.cos(u1), su2 = Math.sin(u2), cu2 = Math.cos(u2);
  let lambda = L, sinS = 0, cosS = 0, sigma = 0, cos2A = 0, cos2Sm = 0, sinL = 0, cosL = 0;
  for (let iter = 0; ; iter++) {
    if (iter === 200) throw new Error(`geodesicInverse: no convergence between ${a.join(',')} and ${b.join(',')} (nearly antipodal)`);
    sinL = Math.sin(lambda); cosL = Math.cos(lambda);
    sinS = Math.hypot(cu2 * sinL, cu1 * su2 - su1 * cu2 * cosL);
    if (sinS === 0) return { distanceM: 0, azimuth1Deg: 0, azimuth2Deg: 0 };
    cosS = su1 * su2 + cu1 * cu2 * cosL;
    sigma = Math.atan2(sinS, cosS);
    const sinA = (cu1 * cu2 * sinL) / sinS;
    cos2A = 1 - sinA * sinA;
    cos2Sm = cos2A !== 0 ? cosS - (2 * su1 * su2) / cos2A : 0;
    const C = (f / 16) * cos2A * (4 + f * (4 - 3 * cos2A));
    const prev = lambda;
    lambda = L + (1 - C) * f * sinA * (sigma + C * sinS * (cos2Sm + C * cosS * (-1 + 2 * cos2Sm * cos2Sm)));
    if (Math.abs(lambda - prev) < 1e-13) break;
  }
  const u2sq = (cos2A * (WGS84_A * WGS84_A - B * B)) / (B * B);
  const A = 1 + (u2sq / 16384) * (4096 + u2sq * (-768 + u2sq * (320 - 175 * u2sq)));
  const Bc = (u2sq / 1024) * (256 + u2sq * (-128 + u2sq * (74 - 47 * u2sq)));
  const dS = Bc * sinS * (cos2Sm + (Bc / 4) * (cosS * (-1 + 2 * cos2Sm * cos2Sm) - (Bc / 6) * cos2Sm * (-3 + 4 * sinS * sinS) * (-3 + 4 * cos2Sm * cos2Sm)));
  const az1 = Math.atan2(cu2 * sinL, cu1 * su2 - su1 * cu2 * cosL) / DEG;
  const az2 = Math.atan2(cu1 * sinL, -su1 * cu2 + cu1 * su2 * cosL) / DEG;
  return { distanceM: B * A * (sigma - dS), azimuth1Deg: (az1 + 360) % 360, azimuth2Deg: (az2 + 360) % 360 };
}
