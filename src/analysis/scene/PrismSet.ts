import type { DemGrid } from '../../geo/DemGrid';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { buildingExtentM } from '../../twin/buildingExtent';

/**
 * Buildings as vertical prisms (footprint ring extruded from baseM to topM), packed in typed
 * arrays so a scene crosses to workers as transferables. Plane meters (the city's LocalFrame),
 * heights ellipsoidal meters like the DEM. Rings are counter-clockwise, not closed.
 */
export interface PrismSet {
  count: number;
  /** Vertex offsets: prism p's ring is vertices ringStart[p] .. ringStart[p + 1] - 1. */
  ringStart: Uint32Array;
  /** Vertices, x and y interleaved (m). */
  xyM: Float64Array;
  /** Bottom and top of each prism (m). */
  baseM: Float64Array;
  topM: Float64Array;
}

/** At most this many prisms in one set (a city of 10^6 buildings is refused, not run out of memory). */
export const MAX_PRISMS = 2_000_000;

/** Signed area of a ring (m², > 0 counter-clockwise). */
export function ringArea(ring: ReadonlyArray<readonly [number, number]>): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}

/** Packs rings with their vertical extents (rings turned counter-clockwise where needed). */
export function packPrisms(items: ReadonlyArray<{ ring: ReadonlyArray<readonly [number, number]>; baseM: number; topM: number }>): PrismSet {
  if (items.length > MAX_PRISMS) throw new Error(`packPrisms: ${items.length} prisms, at most ${MAX_PRISMS}`);
  const ringStart = new Uint32Array(items.length + 1);
  let n = 0;
  items.forEach((it, p) => {
    if (it.ring.length < 3) throw new Error(`packPrisms: prism ${p} has ${it.ring.length} vertices, expected at least 3`);
    if (!(it.topM > it.baseM)) throw new Error(`packPrisms: prism ${p} has top ${it.topM} m <= base ${it.baseM} m`);
    ringStart[p] = n;
    n += it.ring.length;
  });
  ringStart[items.length] = n;
  const xyM = new Float64Array(2 * n), baseM = new Float64Array(items.length), topM = new Float64Array(items.length);
  items.forEach((it, p) => {
    const ccw = ringArea(it.ring) >= 0, len = it.ring.length, at = ringStart[p];
    for (let k = 0; k < len; k++) {
      const v = it.ring[ccw ? k : len - 1 - k];
      xyM[2 * (at + k)] = v[0];
      xyM[2 * (at + k) + 1] = v[1];
    }
    baseM[p] = it.baseM;
    topM[p] = it.topM;
  });
  return { count: items.length, ringStart, xyM, baseM, topM };
}

/**
 * The prisms of buildings standing on a DEM (walls from 1 m below the lowest ground under the
 * footprint to the roof, as the tiler extrudes them), or on flat ground at 0 m without a DEM.
 * Buildings of zero height are left out; `index[p]` is the building behind prism p.
 */
export function prismsFromBuildings(buildings: ReadonlyArray<BuildingRecord>, dem: DemGrid | null): { prisms: PrismSet; index: Uint32Array } {
  const items: Array<{ ring: Array<[number, number]>; baseM: number; topM: number }> = [], index: number[] = [];
  buildings.forEach((b, i) => {
    if (!(b.heightM > 0)) return;
    const { baseM, roofM } = dem ? buildingExtentM(b, dem) : { baseM: -1, roofM: b.heightM };
    items.push({ ring: b.footprint, baseM, topM: roofM });
    index.push(i);
  });
  return { prisms: packPrisms(items), index: Uint32Array.from(index) };
}

/** The typed arrays of a prism set (to transfer to a worker). */
export function prismBuffers(p: PrismSet): ArrayBuffer[] {
  return [p.ringStart.buffer, p.xyM.buffer, p.baseM.buffer, p.topM.buffer] as ArrayBuffer[];
}
