import { radiiOfCurvature } from '../geo/wgs84';

/** Mean Earth radius (m), IUGG. Road lengths and heuristics use the same sphere. */
export const EARTH_RADIUS_M = 6371008.8;

const DEG = Math.PI / 180;

/** Great-circle distance (m) between two lon/lat points (degrees). */
export function haversineM(lon1Deg: number, lat1Deg: number, lon2Deg: number, lat2Deg: number): number {
  const dLat = (lat2Deg - lat1Deg) * DEG, dLon = (lon2Deg - lon1Deg) * DEG;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1Deg * DEG) * Math.cos(lat2Deg * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Length (m) of a short segment on the WGS84 ellipsoid: local radii of curvature at the mid
 * latitude (relative error ~1e-6 for road segments of a few km, unlike the ~0.3 % of a sphere).
 */
export function segmentLengthM(lon1Deg: number, lat1Deg: number, lon2Deg: number, lat2Deg: number): number {
  const midLat = ((lat1Deg + lat2Deg) / 2) * DEG;
  const { meridionalM, primeVerticalM } = radiiOfCurvature(midLat);
  const dx = (lon2Deg - lon1Deg) * DEG * primeVerticalM * Math.cos(midLat);
  const dy = (lat2Deg - lat1Deg) * DEG * meridionalM;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * Unit-sphere positions of lon/lat points ([lon, lat] interleaved, degrees) as x, y, z triples:
 * the straight chord between two of them is a true metric, which keeps A* potentials consistent.
 */
export function unitSpherePoints(lonLatDeg: Float64Array): Float64Array {
  const n = lonLatDeg.length / 2;
  const xyz = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const lon = lonLatDeg[2 * i] * DEG, lat = lonLatDeg[2 * i + 1] * DEG;
    xyz[3 * i] = Math.cos(lat) * Math.cos(lon);
    xyz[3 * i + 1] = Math.cos(lat) * Math.sin(lon);
    xyz[3 * i + 2] = Math.sin(lat);
  }
  return xyz;
}
