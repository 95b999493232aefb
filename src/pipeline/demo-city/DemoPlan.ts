/**
 * The demo city's plan at any size. The demo city is the plan at scale 1; a larger one keeps the
 * look (three rings, eight radials, the meandering river, five districts by bearing, hills in the
 * east) by scaling every plan length, while the fine grain (250 m blocks, lots, the street grid,
 * community and grid-cell sizes, facility spacings) keeps its size, so density stays a city's.
 */
import { CELLS_PER_COMMUNITY, CITY_HALF_SIDE_M, COMMUNITIES_PER_STREET, BLOCK_M, RING_RADII_M } from './layout';

export interface DemoPlan {
  /** Plan lengths (rings, zones, river meanders, hills, DEM margin) relative to the demo city. */
  scale: number;
  /** Half the side of the built-up square (m): a whole number of half streets (750 m). */
  halfSideM: number;
  /** Ring road radii (m), inner to outer. */
  ringRadiiM: number[];
  /** Segments of each ring's polyline. */
  ringSegments: number;
  /** Zone radii (m): towers inside the first, mid-rise inside the second, the rest outer. */
  cbdRadiusM: number;
  midRadiusM: number;
  /** Half the side of the DEM square (m) and its node spacing (m). */
  demHalfSideM: number;
  demCellM: number;
  /** Buildings wanted (null: every lot that is not open space, as the demo city). */
  targetBuildings: number | null;
}

/** Half a street (jiedao) square: the built-up half side is a whole number of these. */
const HALF_STREET_M = (BLOCK_M * CELLS_PER_COMMUNITY * COMMUNITIES_PER_STREET) / 2;
/** Buildings of the demo city at its default seed: how many lots a plan of scale 1 fills. */
export const DEMO_BUILDINGS_AT_SCALE_1 = 22921;
/** DEM cells along a side of a scaled plan: 2^k * 64, as the terrain tiler takes (more area means coarser spacing). */
const demCellsFor = (scale: number) => (scale <= 4 ? 512 : 1024);
/** Most buildings a plan is made for: every count the generator holds grows with it. */
export const MAX_DEMO_BUILDINGS = 2_000_000;

/** The demo city's own plan (scale 1): 9 km square, 20 m DEM of 513 x 513 nodes. */
export const DEMO_PLAN: DemoPlan = {
  scale: 1, halfSideM: CITY_HALF_SIDE_M, ringRadiiM: RING_RADII_M, ringSegments: 96,
  cbdRadiusM: 1300, midRadiusM: 3000, demHalfSideM: 5120, demCellM: 20, targetBuildings: null,
};

/**
 * The plan for about `buildings` buildings: the smallest whole number of half streets whose square
 * holds at least that many lots at the demo's density (the generator then leaves the surplus lots
 * open, so the count is exact). Throws for counts outside 1..MAX_DEMO_BUILDINGS.
 */
export function demoPlanFor(buildings: number): DemoPlan {
  if (!Number.isInteger(buildings) || buildings < 1 || buildings > MAX_DEMO_BUILDINGS) {
    throw new Error(`demo plan: buildings must be an integer in 1..${MAX_DEMO_BUILDINGS}, got ${buildings}`);
  }
  const halves = Math.max(CITY_HALF_SIDE_M / HALF_STREET_M, Math.ceil((CITY_HALF_SIDE_M / HALF_STREET_M) * Math.sqrt(buildings / DEMO_BUILDINGS_AT_SCALE_1)));
  return planOfHalfStreets(halves, buildings);
}

/** The plan whose built-up half side is `halves` half streets. */
export function planOfHalfStreets(halves: number, targetBuildings: number | null): DemoPlan {
  const halfSideM = halves * HALF_STREET_M;
  const scale = halfSideM / CITY_HALF_SIDE_M;
  if (scale === 1) return { ...DEMO_PLAN, targetBuildings };
  // The hill margin scales with the plan; the spacing is whole 10 m steps over a tiler-sized grid.
  const cells = demCellsFor(scale);
  const demCellM = 10 * Math.ceil((2 * DEMO_PLAN.demHalfSideM * scale) / cells / 10);
  const demHalfSideM = (cells * demCellM) / 2;
  return {
    scale, halfSideM, ringRadiiM: RING_RADII_M.map((r) => r * scale), ringSegments: DEMO_PLAN.ringSegments * Math.ceil(scale),
    cbdRadiusM: DEMO_PLAN.cbdRadiusM * scale, midRadiusM: DEMO_PLAN.midRadiusM * scale, demHalfSideM, demCellM, targetBuildings,
  };
}
