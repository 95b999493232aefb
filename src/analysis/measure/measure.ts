import { ecefToGeodetic, geodeticToEcef, WGS84_A, WGS84_E2 } from '../../geo/wgs84';
import type { AnalysisScene } from '../scene/AnalysisScene';
import { ringArea } from '../scene/PrismSet';
import { geodesicInverse } from './geodesic';

const DEG = Math.PI / 180;

/** A measured point: lon/lat (deg) and ellipsoidal height (m). */
export type LonLatHeight = [number, number, number];

/** Distances between two points, every one in meters. */
export interface DistanceMeasure {
  /** Along the ellipsoid (the geodesic), heights ignored. */
  geodesicM: number;
  /** The straight line through space between the two 3D points. */
  straightM: number;
  /** Height difference, second minus first. */
  heightDiffM: number;
  azimuthDeg: number;
}

/** Geodesic, straight (3D chord through ECEF) and vertical distance between two points. */
export function measureDistance(a: LonLatHeight, b: LonLatHeight): DistanceMeasure {
  const g = geodesicInverse([a[0], a[1]], [b[0], b[1]]);
  const pa = geodeticToEcef(a[0] * DEG, a[1] * DEG, a[2]), pb = geodeticToEcef(b[0] * DEG, b[1] * DEG, b[2]);
  return { geodesicM: g.distanceM, straightM: Math.hypot(pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]), heightDiffM: b[2] - a[2], azimuthDeg: g.azimuth1Deg };
}

/** a²(1 - e²)/2 · q(φ): the authalic "y" whose shoelace with longitude (rad) is area on the ellipsoid. */
function authalicY(latDeg: number): number {
  const e = Math.sqrt(WGS84_E2), s = Math.sin(latDeg * DEG);
  const q = s / (1 - WGS84_E2 * s * s) - (1 / (2 * e)) * Math.log((1 - e * s) / (1 + e * s));
  return ((WGS84_A * WGS84_A * (1 - WGS84_E2)) / 2) * q;
}

/** Points along the edge a -> b (excluding b) on the ellipsoid's normal section, close to the geodesic. */
function densifyEdge(a: readonly [number, number], b: readonly [number, number], pieces: number, out: Array<[number, number]>): void {
  const pa = geodeticToEcef(a[0] * DEG, a[1] * DEG, 0), pb = geodeticToEcef(b[0] * DEG, b[1] * DEG, 0);
  out.push([a[0], a[1]]);
  for (let k = 1; k < pieces; k++) {
    const f = k / pieces;
    const [lon, lat] = ecefToGeodetic(pa[0] + (pb[0] - pa[0]) * f, pa[1] + (pb[1] - pa[1]) * f, pa[2] + (pb[2] - pa[2]) * f);
    out.push([lon / DEG, lat / DEG]);
  }
}

/**
 * Area of a lon/lat polygon with geodesic edges on the WGS84 ellipsoid (m²): edges densified
 * every ~100 m along the ellipsoid's surface, then the shoelace in the cylindrical equal-area
 * projection (exact for the densified ring). Longitudes relative to the first point (no wrap).
 */
export function measureAreaM2(ringLonLat: ReadonlyArray<readonly [number, number]>): number {
  if (ringLonLat.length < 3) throw new Error(`measureAreaM2: a polygon needs at least 3 points, got ${ringLonLat.length}`);
  const dense: Array<[number, number]> = [];
  ringLonLat.forEach((a, k) => {
    const b = ringLonLat[(k + 1) % ringLonLat.length];
    densifyEdge(a, b, Math.min(1000, Math.max(1, Math.ceil(geodesicInverse([a[0], a[1]], [b[0], b[1]]).distanceM / 100))), dense);
  });
  const lon0 = dense[0][0];
  return Math.abs(ringArea(dense.map(([lon, lat]): [number, number] => [(((lon - lon0 + 540) % 360) - 180) * DEG, authalicY(lat)])));
}

/** One sample of a profile along a line. */
export interface ProfileSample {
  /** Distance along the line from its start (m, horizontal). */
  distanceM: number;
  lonDeg: number;
  latDeg: number;
  groundM: number;
  /** Roof where a building stands, else the ground (m). */
  surfaceM: number;
  /** The prism under the sample, or -1. */
  prism: number;
}

/** At most this many profile samples. */
export const MAX_PROFILE_SAMPLES = 100_000;

/**
 * Elevation profile along a polyline (plane meters) every stepM (and at each vertex), over the
 * terrain and the roofs; plus the surface length (3D, following the ground and climbing walls).
 */
export function elevationProfile(scene: AnalysisScene, lineM: ReadonlyArray<readonly [number, number]>, stepM: number, toLonLat: (x: number, y: number) => [number, number]): { samples: ProfileSample[]; horizontalM: number; surfaceM: number } {
  if (lineM.length < 2) throw new Error(`elevationProfile: a line needs at least 2 points, got ${lineM.length}`);
  if (!(stepM > 0)) throw new Error(`elevationProfile: stepM must be > 0 m, got ${stepM}`);
  let total = 0;
  for (let k = 1; k < lineM.length; k++) total += Math.hypot(lineM[k][0] - lineM[k - 1][0], lineM[k][1] - lineM[k - 1][1]);
  if (total / stepM > MAX_PROFILE_SAMPLES) throw new Error(`elevationProfile: ${Math.ceil(total / stepM)} samples, at most ${MAX_PROFILE_SAMPLES}; use a larger step`);
  const samples: ProfileSample[] = [];
  const push = (x: number, y: number, d: number) => {
    const [lonDeg, latDeg] = toLonLat(x, y), ground = scene.groundM(x, y), prism = scene.grid.prismAt(x, y);
    samples.push({ distanceM: d, lonDeg, latDeg, groundM: ground, surfaceM: prism >= 0 ? Math.max(ground, scene.grid.prisms.topM[prism]) : ground, prism });
  };
  let along = 0;
  for (let k = 1; k < lineM.length; k++) {
    const [ax, ay] = lineM[k - 1], [bx, by] = lineM[k], len = Math.hypot(bx - ax, by - ay);
    const n = Math.max(1, Math.ceil(len / stepM));
    for (let s = k === 1 ? 0 : 1; s <= n; s++) push(ax + ((bx - ax) * s) / n, ay + ((by - ay) * s) / n, along + (len * s) / n);
    along += len;
  }
  let surface = 0;
  for (let k = 1; k < samples.length; k++) surface += Math.hypot(samples[k].distanceM - samples[k - 1].distanceM, samples[k].surfaceM - samples[k - 1].surfaceM);
  return { samples, horizontalM: total, surfaceM: surface };
}

/** A building's height: ground at its centre to its roof, and its floors (m). */
export function buildingHeight(scene: AnalysisScene, footprint: ReadonlyArray<readonly [number, number]>, heightM: number): { groundM: number; roofM: number; heightM: number } {
  let x = 0, y = 0;
  for (const p of footprint) { x += p[0]; y += p[1]; }
  const groundM = scene.groundM(x / footprint.length, y / footprint.length);
  return { groundM, roofM: groundM + heightM, heightM };
}
