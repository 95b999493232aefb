import { AREA_PER_PERSON, OCCUPANCY_SHARE } from '../../twin/occupancy';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import {
  BLOCK_M, CITY_HALF_SIDE_M, DISTRICTS, NAME_PARTS, RADIAL_ANGLES_DEG, RING_RADII_M, RIVER_SETBACK_M,
  distanceToRiverM, type BuildingUse,
} from './layout';
import { createRandom } from '../../random/random';
import type { PlaneUnit, UnitHierarchy } from './units';

type Zone = 'cbd' | 'mid' | 'outer';

const USE_WEIGHTS: Record<Zone, Array<[BuildingUse, number]>> = {
  cbd: [['office', 0.42], ['commercial', 0.38], ['residential', 0.18], ['government', 0.02]],
  mid: [['residential', 0.64], ['commercial', 0.16], ['office', 0.14], ['government', 0.02], ['industrial', 0.04]],
  outer: [['residential', 0.7], ['commercial', 0.1], ['office', 0.06], ['industrial', 0.14]],
};
/** Lots per block side by zone: denser, smaller lots away from the centre. */
const LOTS: Record<Zone, number> = { cbd: 3, mid: 4, outer: 5 };
export { AREA_PER_PERSON, OCCUPANCY_SHARE } from '../../twin/occupancy';

function zoneOf(x: number, y: number): Zone {
  const r = Math.hypot(x, y);
  return r < 1300 ? 'cbd' : r < 3000 ? 'mid' : 'outer';
}

function pick<T>(weights: Array<[T, number]>, u: number): T {
  let acc = 0;
  for (const [v, w] of weights) if ((acc += w) > u) return v;
  return weights[weights.length - 1][0];
}

/** Distance (m) from a point to the nearest ring road or radial avenue centreline, with that road's half width. */
function clearanceToMajorRoads(x: number, y: number): number {
  const r = Math.hypot(x, y);
  let best = Infinity;
  RING_RADII_M.forEach((R, i) => { best = Math.min(best, Math.abs(r - R) - [15, 20, 20][i]); });
  for (const deg of RADIAL_ANGLES_DEG) {
    const a = (deg * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a);
    if (x * c + y * s > 0) best = Math.min(best, Math.abs(-s * x + c * y) - 16);
  }
  return best;
}

function footprintOf(x0: number, y0: number, w: number, h: number, lShape: boolean, u: number): Array<[number, number]> {
  if (!lShape) return [[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h]];
  const cw = w * (0.45 + 0.2 * u), ch = h * (0.45 + 0.2 * u);
  return [[x0, y0], [x0 + w, y0], [x0 + w, y0 + h - ch], [x0 + w - cw, y0 + h - ch], [x0 + w - cw, y0 + h], [x0, y0 + h]];
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Places buildings lot by lot in every 250 m block, away from the river, the rings and the radial
 * avenues, with height and use by zone, and a standard address on the block's southern street.
 */
export function generateBuildings(seed: number, hierarchy: UnitHierarchy, groundHeightM: (x: number, y: number) => number): BuildingRecord[] {
  const rand = createRandom(seed);
  const unitsById = new Map<string, PlaneUnit>(hierarchy.units.map((u) => [u.id, u]));
  const out: BuildingRecord[] = [];
  const perCommunity = new Map<string, number>();
  const n = Math.round(CITY_HALF_SIDE_M / BLOCK_M);
  for (let gj = 0; gj < 2 * n; gj++) {
    const k = gj - n;
    const road = NAME_PARTS[(k + n + 17) % NAME_PARTS.length];
    let numberOnRoad = 0;
    for (let gi = 0; gi < 2 * n; gi++) {
      const bx = -CITY_HALF_SIDE_M + gi * BLOCK_M, by = -CITY_HALF_SIDE_M + gj * BLOCK_M;
      const zone = zoneOf(bx + BLOCK_M / 2, by + BLOCK_M / 2);
      const lots = LOTS[zone];
      const margin = 16;
      const lot = (BLOCK_M - 2 * margin) / lots;
      for (let lj = 0; lj < lots; lj++) {
        for (let li = 0; li < lots; li++) {
          const u = [rand(), rand(), rand(), rand(), rand(), rand(), rand(), rand()];
          if (u[0] < 0.06) continue; // open space, a courtyard or a small park
          const w = lot * (0.55 + 0.3 * u[1]), h = lot * (0.55 + 0.3 * u[2]);
          const x0 = bx + margin + li * lot + (lot - w) * u[3], y0 = by + margin + lj * lot + (lot - h) * u[4];
          const cx = x0 + w / 2, cy = y0 + h / 2;
          const radius = Math.hypot(w, h) / 2;
          if (distanceToRiverM(cx, cy) < RIVER_SETBACK_M + radius) continue;
          if (clearanceToMajorRoads(cx, cy) < radius + 6) continue;
          const ids = hierarchy.locate(cx, cy);
          if (!ids) continue;
          const ground = groundHeightM(cx, cy);
          const hilly = ground > 540;
          const use = pick(USE_WEIGHTS[zone], u[5]);
          const t = u[6] * u[6];
          let heightM = zone === 'cbd' ? 40 + 210 * t : zone === 'mid' ? 15 + 85 * t : 9 + 51 * t;
          if (hilly) heightM = 6 + 18 * t;
          if (use === 'industrial') heightM = Math.min(heightM, 8 + 10 * u[7]);
          const footprint = footprintOf(x0, y0, w, h, u[7] < 0.2, u[1]).map(([a, b]) => [r2(a), r2(b)] as [number, number]);
          numberOnRoad++;
          const seq = (perCommunity.get(ids.communityId) ?? 0) + 1;
          perCommunity.set(ids.communityId, seq);
          const district = DISTRICTS.find((d) => d.code === ids.districtId)!;
          const street = unitsById.get(ids.streetId)!, community = unitsById.get(ids.communityId)!;
          const no = numberOnRoad * 2 - 1;
          out.push({
            id: `B${String(out.length + 1).padStart(6, '0')}`,
            footprint, heightM: r2(heightM), floors: Math.max(1, Math.round(heightM / 3.3)), use,
            addressId: `${ids.communityId}${String(seq).padStart(4, '0')}`,
            address: `成都市${district.name}${street.name}${community.name}${road[0]}街${no}号`,
            addressPinyin: `${no} ${road[1]} Jie, ${community.namePinyin}, ${street.namePinyin}, ${district.pinyin}, Chengdu`,
            population: 0, ...ids,
          });
        }
      }
    }
  }
  assignFacilities(out);
  for (const b of out) b.population = Math.round((footprintArea(b.footprint) * b.floors * OCCUPANCY_SHARE) / AREA_PER_PERSON[b.use as BuildingUse]);
  return out;
}

export function footprintArea(ring: ReadonlyArray<[number, number]>): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i], [x2, y2] = ring[(i + 1) % ring.length];
    a += x1 * y2 - x2 * y1;
  }
  return Math.abs(a) / 2;
}

function centroid(b: BuildingRecord): [number, number] {
  let x = 0, y = 0;
  for (const p of b.footprint) { x += p[0]; y += p[1]; }
  return [x / b.footprint.length, y / b.footprint.length];
}

/** Public facilities at planned spacings: the building nearest each planned point takes that use. */
function assignFacilities(buildings: BuildingRecord[]): void {
  const plans: Array<[BuildingUse, number, number]> = [
    ['fire_station', 2250, 10], ['hospital', 3000, 25], ['police', 1500, 12], ['school', 750, 18],
  ];
  const taken = new Set<number>();
  const cellOf = new Map<string, number[]>();
  const cs = 250;
  buildings.forEach((b, i) => {
    const [x, y] = centroid(b);
    const key = `${Math.floor(x / cs)},${Math.floor(y / cs)}`;
    (cellOf.get(key) ?? cellOf.set(key, []).get(key)!).push(i);
  });
  const nearest = (x: number, y: number): number => {
    let best = -1, bestD = Infinity;
    for (let ring = 0; ring < 6 && best < 0; ring++) {
      for (let dj = -ring; dj <= ring; dj++) for (let di = -ring; di <= ring; di++) {
        for (const i of cellOf.get(`${Math.floor(x / cs) + di},${Math.floor(y / cs) + dj}`) ?? []) {
          if (taken.has(i) || buildings[i].use === 'industrial') continue;
          const [bx, by] = centroid(buildings[i]);
          const d = Math.hypot(bx - x, by - y);
          if (d < bestD) { bestD = d; best = i; }
        }
      }
    }
    return best;
  };
  for (const [use, spacing, minHeight] of plans) {
    for (let y = -CITY_HALF_SIDE_M + spacing / 2; y < CITY_HALF_SIDE_M; y += spacing) {
      for (let x = -CITY_HALF_SIDE_M + spacing / 2; x < CITY_HALF_SIDE_M; x += spacing) {
        const i = nearest(x, y);
        if (i < 0) continue;
        taken.add(i);
        const b = buildings[i];
        b.use = use;
        if (b.heightM > 60 || b.heightM < minHeight) b.heightM = minHeight + (b.heightM % 10);
        b.heightM = r2(b.heightM);
        b.floors = Math.max(1, Math.round(b.heightM / 3.3));
      }
    }
  }
  const stadium = nearest(2600, -1600);
  if (stadium >= 0) {
    const b = buildings[stadium];
    b.use = 'stadium';
    b.heightM = 42;
    b.floors = 6;
  }
}
