import type { BuildingRecord } from './BuildingRecord';
import { seededRandom } from './seededRandom';

/** One floor of a building as a horizontal slice, with the people normally on it. */
export interface FloorSlice {
  /** `${buildingId}/F${index}`. */
  id: string;
  buildingId: string;
  /** 1 = ground floor. */
  index: number;
  /** Slice bottom and top above the building's ground (m). */
  baseM: number;
  topM: number;
  /** People normally on this floor (persons); the floors of a building sum to its population. */
  occupancy: number;
}

/** Relative occupancy of floor k (1-based) of n by use: lobbies and shops shape the ground floor. */
function weight(use: string, k: number): number {
  if (use === 'commercial') return k === 1 ? 1.5 : 1 / (1 + 0.15 * (k - 1));
  if (use === 'residential') return k === 1 ? 0.6 : 1;
  if (use === 'office' || use === 'government') return k === 1 ? 0.7 : 1;
  return 1;
}

/**
 * The floors of a building as equal slices of its height, with `people` (default its population)
 * spread by a per-use profile and a ±10% deterministic jitter keyed by the building id, rounded by
 * largest remainder so the floors sum exactly to `people`.
 */
export function floorSlices(b: BuildingRecord, people = b.population): FloorSlice[] {
  const n = Math.max(1, b.floors);
  const rand = seededRandom(0, `floors:${b.id}`);
  const w = Array.from({ length: n }, (_, k) => weight(b.use, k + 1) * (0.9 + 0.2 * rand()));
  const total = w.reduce((a, v) => a + v, 0);
  const exact = w.map((v) => (people * v) / total);
  const occ = exact.map(Math.floor);
  let left = people - occ.reduce((a, v) => a + v, 0);
  const order = exact.map((v, k) => [v - Math.floor(v), k]).sort((a, c) => c[0] - a[0] || a[1] - c[1]);
  for (let j = 0; left > 0; j++, left--) occ[order[j % n][1]]++;
  const h = b.heightM / n;
  return occ.map((occupancy, k) => ({
    id: `${b.id}/F${k + 1}`, buildingId: b.id, index: k + 1,
    baseM: Math.round(k * h * 100) / 100, topM: Math.round((k + 1) * h * 100) / 100, occupancy,
  }));
}
