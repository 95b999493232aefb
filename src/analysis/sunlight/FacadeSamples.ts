import type { BuildingRecord } from '../../twin/BuildingRecord';
import { ringArea } from '../scene/PrismSet';

/**
 * Points on building facades where sunlight is counted: one per floor (at the window sill), per
 * facade (footprint edge), every `spacingM` along it, pushed `offsetM` off the wall. Plane meters,
 * ellipsoidal heights. Typed arrays (they cross to workers).
 */
export interface FacadeSamples {
  count: number;
  /** x, y, z per sample (m). */
  positionM: Float64Array;
  /** Outward horizontal unit normal of the facade, x and y per sample. */
  normal: Float32Array;
  /** Index of the building in the list the samples were made from. */
  building: Uint32Array;
  /** Floor (1 = ground floor). */
  floor: Uint16Array;
  /** Facade: index of the footprint edge (counter-clockwise ring, edge k from vertex k to k + 1). */
  facade: Uint16Array;
}

/** How samples are placed. */
export interface FacadeSampleOptions {
  /** Spacing along a facade (m); default 2. Each facade gets at least one sample, at its middle. */
  spacingM?: number;
  /** Height of the sample above its floor (m); default 0.9, the window sill GB 50180 counts from. */
  sillM?: number;
  /** Distance off the wall (m); default 0.1, so a ray never starts inside its own building. */
  offsetM?: number;
  /** Floors to sample (1-based); default every floor. */
  floors?: number[];
}

/** At most this many sample points in one request. */
export const MAX_SAMPLES = 2_000_000;

/**
 * Samples the facades of `buildings[i]` for each i of `indices`; `groundM(building)` is the ground
 * the floors count from (the DEM at the footprint's centre, as the roof is). Throws when the
 * count would pass MAX_SAMPLES or an option is out of range.
 */
export function facadeSamples(buildings: ReadonlyArray<BuildingRecord>, indices: ReadonlyArray<number>, groundM: (b: BuildingRecord) => number, opts: FacadeSampleOptions = {}): FacadeSamples {
  const spacing = opts.spacingM ?? 2, sill = opts.sillM ?? 0.9, offset = opts.offsetM ?? 0.1;
  if (!(spacing >= 0.1)) throw new Error(`facadeSamples: spacingM must be >= 0.1 m, got ${spacing}`);
  if (!(sill >= 0) || !(offset > 0)) throw new Error(`facadeSamples: expected sillM >= 0 and offsetM > 0 (m), got ${sill}, ${offset}`);
  const plan: Array<{ b: number; floors: number[]; per: number[] }> = [];
  let total = 0;
  for (const b of indices) {
    const rec = buildings[b];
    if (!rec) throw new Error(`facadeSamples: no building at index ${b}`);
    const floors = (opts.floors ?? Array.from({ length: rec.floors }, (_, k) => k + 1)).filter((f) => f >= 1 && f <= rec.floors);
    const ring = ccw(rec.footprint);
    const per = ring.map((a, k) => Math.max(1, Math.round(edgeLength(a, ring[(k + 1) % ring.length]) / spacing)));
    total += floors.length * per.reduce((s, n) => s + n, 0);
    if (total > MAX_SAMPLES) throw new Error(`facadeSamples: more than ${MAX_SAMPLES} sample points; choose fewer buildings or floors, or a larger spacingM`);
    plan.push({ b, floors, per });
  }
  const out: FacadeSamples = {
    count: total, positionM: new Float64Array(3 * total), normal: new Float32Array(2 * total),
    building: new Uint32Array(total), floor: new Uint16Array(total), facade: new Uint16Array(total),
  };
  let n = 0;
  for (const { b, floors, per } of plan) {
    const rec = buildings[b], ring = ccw(rec.footprint), ground = groundM(rec), floorH = rec.heightM / Math.max(1, rec.floors);
    for (const f of floors) {
      const z = ground + (f - 1) * floorH + Math.min(sill, floorH / 2);
      ring.forEach((a, k) => {
        const c = ring[(k + 1) % ring.length], len = edgeLength(a, c);
        const nx = (c[1] - a[1]) / len, ny = -(c[0] - a[0]) / len;
        for (let s = 0; s < per[k]; s++) {
          const u = (s + 0.5) / per[k];
          out.positionM.set([a[0] + (c[0] - a[0]) * u + nx * offset, a[1] + (c[1] - a[1]) * u + ny * offset, z], 3 * n);
          out.normal[2 * n] = nx; out.normal[2 * n + 1] = ny;
          out.building[n] = b; out.floor[n] = f; out.facade[n] = k;
          n++;
        }
      });
    }
  }
  return out;
}

function edgeLength(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]) || 1e-9;
}

function ccw(ring: ReadonlyArray<[number, number]>): ReadonlyArray<[number, number]> {
  return ringArea(ring) >= 0 ? ring : [...ring].reverse();
}

/** The typed arrays of a sample set (to transfer). */
export function sampleBuffers(s: FacadeSamples): ArrayBuffer[] {
  return [s.positionM.buffer, s.normal.buffer, s.building.buffer, s.floor.buffer, s.facade.buffer] as ArrayBuffer[];
}

/** Samples [from, to) of a set, copied (a worker's share). */
export function sliceSamples(s: FacadeSamples, from: number, to: number): FacadeSamples {
  return {
    count: to - from, positionM: s.positionM.slice(3 * from, 3 * to), normal: s.normal.slice(2 * from, 2 * to),
    building: s.building.slice(from, to), floor: s.floor.slice(from, to), facade: s.facade.slice(from, to),
  };
}
