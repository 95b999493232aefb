import { prismsAlong } from '../scene/PrismGrid';
import type { AnalysisScene } from '../scene/AnalysisScene';

/** What a viewpoint sees against the sky, per azimuth. */
export interface SkylineProfile {
  eyeM: [number, number, number];
  /** Azimuth of each sample (deg, clockwise from north). */
  azimuthDeg: Float32Array;
  /** Elevation angle of the skyline (deg; the terrain horizon where no building rises above it). */
  elevationDeg: Float32Array;
  /** Horizontal distance to what forms the skyline (m). */
  distanceM: Float32Array;
  /** Prism forming the skyline, or -1 for terrain or open sky. */
  prism: Int32Array;
}

/** The sweep of a skyline. */
export interface SkylineRequest {
  /** Eye position: plane x, y (m) and ellipsoidal height (m). */
  eyeM: [number, number, number];
  /** Azimuth range (deg, clockwise from north); default the full circle. */
  fromDeg?: number;
  toDeg?: number;
  /** Azimuth step (deg); default 0.5. */
  stepDeg?: number;
  /** How far to look (m); default 3000. */
  maxDistM?: number;
}

/** At most this many azimuths in one profile. */
export const MAX_SKYLINE_SAMPLES = 36_000;

/**
 * The skyline from a viewpoint: for each azimuth, the highest elevation angle of any roof edge
 * (a prism's top seen at its nearest wall along that azimuth) or of the ground, within maxDistM.
 */
export function skyline(scene: AnalysisScene, req: SkylineRequest): SkylineProfile {
  const from = req.fromDeg ?? 0, to = req.toDeg ?? 360, step = req.stepDeg ?? 0.5, maxD = req.maxDistM ?? 3000;
  if (!(to > from) || !(step > 0)) throw new Error(`skyline: expected fromDeg < toDeg and stepDeg > 0, got ${from}, ${to}, ${step}`);
  const n = Math.floor((to - from) / step + 1e-9) + (to - from >= 360 ? 0 : 1);
  if (n > MAX_SKYLINE_SAMPLES) throw new Error(`skyline: ${n} azimuths, at most ${MAX_SKYLINE_SAMPLES}; use a larger stepDeg`);
  const [ex, ey, ez] = req.eyeM, ps = scene.grid.prisms;
  const out: SkylineProfile = { eyeM: [ex, ey, ez], azimuthDeg: new Float32Array(n), elevationDeg: new Float32Array(n), distanceM: new Float32Array(n), prism: new Int32Array(n) };
  for (let k = 0; k < n; k++) {
    const az = from + k * step, a = (az * Math.PI) / 180, ux = Math.sin(a), uy = Math.cos(a);
    let best = -Math.PI / 2, dist = 0, prism = -1;
    prismsAlong(scene.grid, ex, ey, ux, uy, maxD, (p) => {
      const t = entry2d(ps.xyM, ps.ringStart[p], ps.ringStart[p + 1], ex, ey, ux, uy);
      if (t > 0.01 && t <= maxD) {
        const e = Math.atan2(ps.topM[p] - ez, t);
        if (e > best) { best = e; dist = t; prism = p; }
      }
    });
    const t = scene.terrain;
    if (t) {
      for (let s = t.dem.cellSizeM; s <= maxD; s += t.dem.cellSizeM) {
        const e = Math.atan2(t.groundM(ex + ux * s, ey + uy * s) - ez, s);
        if (e > best) { best = e; dist = s; prism = -1; }
      }
    }
    out.azimuthDeg[k] = az % 360;
    out.elevationDeg[k] = dist > 0 ? (best * 180) / Math.PI : 0;
    out.distanceM[k] = dist;
    out.prism[k] = prism;
  }
  return out;
}

/** Nearest crossing (t > 0) of the horizontal ray with a ring's edges, or Infinity. */
function entry2d(xy: Float64Array, a: number, b: number, ox: number, oy: number, dx: number, dy: number): number {
  let best = Infinity;
  for (let i = a, j = b - 1; i < b; j = i++) {
    const ax = xy[2 * j], ay = xy[2 * j + 1], ex = xy[2 * i] - ax, ey = xy[2 * i + 1] - ay;
    const den = dx * ey - dy * ex;
    if (den === 0) continue;
    const t = ((ax - ox) * ey - (ay - oy) * ex) / den, s = ((ax - ox) * dy - (ay - oy) * dx) / den;
    if (t > 0 && s >= 0 && s <= 1 && t < best) best = t;
  }
  return best;
}

/** How a skyline changed (after minus before), over the azimuths both share. */
export interface SkylineChange {
  /** Largest rise of the skyline (deg; 0 when nothing rose). */
  maxRiseDeg: number;
  /** Azimuth of the largest rise (deg), or null. */
  maxRiseAtDeg: number | null;
  /** Share of azimuths whose skyline moved by more than 0.05 deg. */
  changedShare: number;
}

/** Compares two profiles of the same sweep. */
export function compareSkylines(before: SkylineProfile, after: SkylineProfile): SkylineChange {
  if (before.azimuthDeg.length !== after.azimuthDeg.length) throw new Error('compareSkylines: the two profiles have different azimuth samples');
  let rise = 0, at: number | null = null, changed = 0;
  for (let k = 0; k < before.elevationDeg.length; k++) {
    const d = after.elevationDeg[k] - before.elevationDeg[k];
    if (Math.abs(d) > 0.05) changed++;
    if (d > rise) { rise = d; at = before.azimuthDeg[k]; }
  }
  return { maxRiseDeg: Math.round(rise * 100) / 100, maxRiseAtDeg: at, changedShare: before.elevationDeg.length ? changed / before.elevationDeg.length : 0 };
}
