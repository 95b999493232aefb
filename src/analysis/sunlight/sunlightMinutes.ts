import type { SunPath } from '../sun/sunPath';
import type { FacadeSamples } from './FacadeSamples';

/** Counting rules. */
export interface SunlightCount {
  /**
   * Shortest stretch of continuous sun that counts (min); default 1 (every lit step counts). Some
   * local rules count only stretches of 5 min or more (GB/T 50947 leaves it to them).
   */
  minRunMin?: number;
  /** Called with the share of samples done, about every 1 % (long runs report progress). */
  onProgress?: (fraction: number) => void;
  /** Checked between samples; returns true to stop (cancellation). */
  cancelled?: () => boolean;
}

/** Whatever can say whether a ray towards the sun is blocked (AnalysisScene, or a brute-force peer). */
export interface Occluder {
  blockedByBuildings(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): boolean;
  blockedByTerrain(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number): boolean;
}

/**
 * Minutes of direct sun at each facade sample over a sun path: a step is sunny when the sun is
 * above the horizon, in front of the facade (the wall cannot receive it from behind) and the ray
 * towards it meets no building and no ground. Returns minutes per sample (Float32Array).
 *
 * Samples straight above one another (the floors of one facade point) share terrain work: a ray
 * the ground does not block from a lower floor is not blocked from a higher one (the ground is a
 * height field and the higher ray runs parallel above), so only the lowest floor marches the DEM
 * for the steps it finds clear.
 */
export function sunlightMinutes(occluder: Occluder, samples: FacadeSamples, path: SunPath, opts: SunlightCount = {}): Float32Array {
  const minRunSteps = Math.max(1, Math.ceil((opts.minRunMin ?? 1) / path.stepMin - 1e-9));
  const out = new Float32Array(samples.count), p = samples.positionM, nrm = samples.normal, d = path.directions, el = path.elevationDeg;
  const every = Math.max(1, Math.floor(samples.count / 100));
  const groundClear = new Map<string, Uint8Array>();
  let building = -1;
  for (let i = 0; i < samples.count; i++) {
    if (i % every === 0) {
      if (opts.cancelled?.()) throw Object.assign(new Error('sunlight computation cancelled'), { name: 'AbortError' });
      opts.onProgress?.(i / samples.count);
    }
    if (samples.building[i] !== building) { building = samples.building[i]; groundClear.clear(); }
    const ox = p[3 * i], oy = p[3 * i + 1], oz = p[3 * i + 2], nx = nrm[2 * i], ny = nrm[2 * i + 1];
    const column = `${ox},${oy}`;
    let clear = groundClear.get(column);
    if (!clear) groundClear.set(column, (clear = new Uint8Array(path.count)));
    let lit = 0, run = 0;
    for (let k = 0; k < path.count; k++) {
      const dx = d[3 * k], dy = d[3 * k + 1], dz = d[3 * k + 2];
      let sunny = el[k] > 0 && dx * nx + dy * ny > 0 && !occluder.blockedByBuildings(ox, oy, oz, dx, dy, dz);
      if (sunny && !clear[k]) {
        sunny = !occluder.blockedByTerrain(ox, oy, oz, dx, dy, dz);
        if (sunny) clear[k] = 1;
      }
      if (sunny) run++;
      else { if (run >= minRunSteps) lit += run; run = 0; }
    }
    if (run >= minRunSteps) lit += run;
    out[i] = lit * path.stepMin;
  }
  opts.onProgress?.(1);
  return out;
}
