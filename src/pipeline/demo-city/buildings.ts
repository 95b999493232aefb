import { AREA_PER_PERSON, OCCUPANCY_SHARE } from '../../twin/occupancy';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import {
  BLOCK_M, DISTRICTS, NAME_PARTS, RADIAL_ANGLES_DEG, RIVER_SETBACK_M, distanceToRiverM, type BuildingUse,
} from './layout';
import { createRandom } from '../../random/random';
import type { PlaneUnit, UnitHierarchy } from './units';
import { DEMO_PLAN, type DemoPlan } from './DemoPlan';

type Zone = 'cbd' | 'mid' | 'outer';

const USE_WEIGHTS: Record<Zone, Array<[BuildingUse, number]>> = {
  cbd: [['office', 0.42], ['commercial', 0.38], ['residential', 0.18], ['government', 0.02]],
  mid: [['residential', 0.64], ['commercial', 0.16], ['office', 0.14], ['government', 0.02], ['industrial', 0.04]],
  outer: [['residential', 0.7], ['commercial', 0.1], ['office', 0.06], ['industrial', 0.14]],
};
/** Lots per block side by zone: denser, smaller lots away from the centre. */
const LOTS: Record<Zone, number> = { cbd: 3, mid: 4, outer: 5 };
export { AREA_PER_PERSON, OCCUPANCY_SHARE } from '../../twin/occupancy';
/** Share of lots left open (a courtyard or a small park) in the demo city. */
const OPEN_LOT_SHARE = 0.06;

function zoneOf(x: number, y: number, plan: DemoPlan): Zone {
  const r = Math.hypot(x, y);
  return r < plan.cbdRadiusM ? 'cbd' : r < plan.midRadiusM ? 'mid' : 'outer';
}

function pick<T>(weights: Array<[T, number]>, u: number): T {
  let acc = 0;
  for (const [v, w] of weights) if ((acc += w) > u) return v;
  return weights[weights.length - 1][0];
}

/** Distance (m) from a point to the nearest ring road or radial avenue centreline, with that road's half width. */
function clearanceToMajorRoads(x: number, y: number, plan: DemoPlan): number {
  const r = Math.hypot(x, y);
  let best = Infinity;
  plan.ringRadiiM.forEach((R, i) => { best = Math.min(best, Math.abs(r - R) - [15, 20, 20][i]); });
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

/** A lot that may hold a building: clear of the river and the major roads, inside the city's units. */
interface Lot {
  x0: number; y0: number; w: number; h: number; cx: number; cy: number;
  zone: Zone;
  /** The lot's eight draws; u[0] decides whether it stays open. */
  u: number[];
  ids: NonNullable<ReturnType<UnitHierarchy['locate']>>;
  /** Block row (south to north), whose southern street names the address. */
  row: number;
}

/**
 * Visits every lot of every 250 m block in plan order (rows south to north, blocks west to east)
 * that lies clear of the river, the rings and the radial avenues and inside the units. Every lot
 * takes its eight draws whether it is visited or not, so two walks with one seed see the same lots.
 */
function forEachLot(plan: DemoPlan, seed: number, hierarchy: UnitHierarchy, visit: (lot: Lot) => void): void {
  const rand = createRandom(seed);
  const half = plan.halfSideM, n = Math.round(half / BLOCK_M), margin = 16;
  for (let gj = 0; gj < 2 * n; gj++) {
    for (let gi = 0; gi < 2 * n; gi++) {
      const bx = -half + gi * BLOCK_M, by = -half + gj * BLOCK_M;
      const zone = zoneOf(bx + BLOCK_M / 2, by + BLOCK_M / 2, plan);
      const lots = LOTS[zone];
      const lot = (BLOCK_M - 2 * margin) / lots;
      for (let lj = 0; lj < lots; lj++) {
        for (let li = 0; li < lots; li++) {
          const u = [rand(), rand(), rand(), rand(), rand(), rand(), rand(), rand()];
          const w = lot * (0.55 + 0.3 * u[1]), h = lot * (0.55 + 0.3 * u[2]);
          const x0 = bx + margin + li * lot + (lot - w) * u[3], y0 = by + margin + lj * lot + (lot - h) * u[4];
          const cx = x0 + w / 2, cy = y0 + h / 2;
          const radius = Math.hypot(w, h) / 2;
          if (distanceToRiverM(cx, cy, plan.scale) < RIVER_SETBACK_M + radius) continue;
          if (clearanceToMajorRoads(cx, cy, plan) < radius + 6) continue;
          const ids = hierarchy.locate(cx, cy);
          if (!ids) continue;
          visit({ x0, y0, w, h, cx, cy, zone, u, ids, row: gj });
        }
      }
    }
  }
}

/**
 * Which lots get a building: those whose open-space draw u[0] is at least OPEN_LOT_SHARE, or, for a
 * plan with a target count, exactly the target's number of them with the highest draws (ties broken
 * in plan order), so the surplus lots of a scaled plan become more open space spread evenly.
 */
function lotKeeper(plan: DemoPlan, seed: number, hierarchy: UnitHierarchy): (u0: number) => boolean {
  const plain = (u0: number) => u0 >= OPEN_LOT_SHARE;
  if (plan.targetBuildings === null) return plain;
  const draws: number[] = [];
  forEachLot(plan, seed, hierarchy, (l) => { if (plain(l.u[0])) draws.push(l.u[0]); });
  if (draws.length <= plan.targetBuildings) return plain;
  const sorted = Float64Array.from(draws).sort();
  const cut = sorted[sorted.length - plan.targetBuildings];
  let equalLeft = 0;
  for (let i = sorted.length - plan.targetBuildings; i < sorted.length && sorted[i] === cut; i++) equalLeft++;
  return (u0) => u0 > cut || (u0 === cut && equalLeft-- > 0);
}

/**
 * Places buildings lot by lot in every 250 m block, away from the river, the rings and the radial
 * avenues, with height and use by zone, and a standard address on the block's southern street.
 * A scaled plan with a target count leaves its surplus lots open (see lotKeeper).
 */
export function generateBuildings(
  seed: number, hierarchy: UnitHierarchy, groundHeightM: (x: number, y: number) => number, plan: DemoPlan = DEMO_PLAN,
): BuildingRecord[] {
  const keep = lotKeeper(plan, seed, hierarchy);
  const unitsById = new Map<string, PlaneUnit>(hierarchy.units.map((u) => [u.id, u]));
  const out: BuildingRecord[] = [];
  const perCommunity = new Map<string, number>();
  let row = -1, numberOnRoad = 0;
  forEachLot(plan, seed, hierarchy, ({ x0, y0, w, h, cx, cy, zone, u, ids, row: gj }) => {
    if (!keep(u[0])) return; // open space, a courtyard or a small park
    if (gj !== row) { row = gj; numberOnRoad = 0; }
    const road = NAME_PARTS[(gj + 17) % NAME_PARTS.length];
    const hilly = groundHeightM(cx, cy) > 540;
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
  });
  assignFacilities(out, plan);
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

/** Stadiums: one per demo-city square (9 km), at the demo's stadium point within each. */
const STADIUM_SPACING_M = 9000, STADIUM_AT_M: [number, number] = [2600, -1600];

/** Public facilities at planned spacings: the building nearest each planned point takes that use. */
function assignFacilities(buildings: BuildingRecord[], plan: DemoPlan): void {
  const half = plan.halfSideM;
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
    for (let y = -half + spacing / 2; y < half; y += spacing) {
      for (let x = -half + spacing / 2; x < half; x += spacing) {
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
  const reach = Math.ceil(half / STADIUM_SPACING_M);
  for (let j = -reach; j <= reach; j++) {
    for (let i = -reach; i <= reach; i++) {
      const x = STADIUM_AT_M[0] + i * STADIUM_SPACING_M, y = STADIUM_AT_M[1] + j * STADIUM_SPACING_M;
      if (Math.abs(x) >= half || Math.abs(y) >= half) continue;
      const stadium = nearest(x, y);
      if (stadium < 0) continue;
      taken.add(stadium);
      const b = buildings[stadium];
      b.use = 'stadium';
      b.heightM = 42;
      b.floors = 6;
    }
  }
}
