import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { FacadeSamples } from './FacadeSamples';

/** A sunlight standard: the day, the counting window (true solar time) and the minutes required. */
export interface SunlightStandard {
  id: string;
  label: string;
  /** Month and day of the standard's day ('01-20' 大寒, '12-22' 冬至). */
  monthDay: string;
  startHour: number;
  endHour: number;
  requiredMin: number;
}

/**
 * GB 50180-2018 table 4.0.9: residential buildings in climate zones I-III and VII in large cities
 * (like Chengdu) need 2 h on 大寒 (counted 08:00-16:00 true solar time), smaller cities 3 h; zones V
 * and VI need 1 h on 冬至 (counted 09:00-15:00).
 */
export const SUNLIGHT_STANDARDS: Readonly<Record<string, SunlightStandard>> = {
  dahan: { id: 'dahan', label: '大寒日 >= 2 h (GB 50180, 08:00-16:00 true solar time)', monthDay: '01-20', startHour: 8, endHour: 16, requiredMin: 120 },
  dahan3h: { id: 'dahan3h', label: '大寒日 >= 3 h (GB 50180, smaller cities, 08:00-16:00)', monthDay: '01-20', startHour: 8, endHour: 16, requiredMin: 180 },
  dongzhi: { id: 'dongzhi', label: '冬至日 >= 1 h (GB 50180, 09:00-15:00 true solar time)', monthDay: '12-22', startHour: 9, endHour: 15, requiredMin: 60 },
};

/** The ids of SUNLIGHT_STANDARDS (the scenario schema's enum). */
export const SUNLIGHT_STANDARD_IDS = ['dahan', 'dahan3h', 'dongzhi'] as const;

/** The standard of an id, or a clear error listing the ids. */
export function sunlightStandard(id: string): SunlightStandard {
  const s = SUNLIGHT_STANDARDS[id];
  if (!s) throw new Error(`unknown sunlight standard ${JSON.stringify(id)}; expected one of ${Object.keys(SUNLIGHT_STANDARDS).join(', ')}`);
  return s;
}

/** Sunlight of one floor of one building: its best counted sample (a floor passes when one window does). */
export interface FloorSunlight {
  buildingId: string;
  use: string;
  floor: number;
  /** Most minutes of sun at any sample of the floor, and the mean over its samples. */
  maxMinutes: number;
  meanMinutes: number;
  samples: number;
  belowStandard: boolean;
}

/**
 * Which windows decide a floor: 'south' (default) only samples on facades whose outward normal is
 * within 45 deg of due south, where Chinese homes put their living rooms (a building with no such
 * facade uses them all); 'any' every facade (the most lenient reading).
 */
export type FloorRule = 'south' | 'any';

/** cos 45 deg: a facade "faces south" when its normal's southward component reaches this. */
const SOUTH_COS = Math.SQRT1_2;

/**
 * Per building and floor, the best and mean minutes of the samples the rule counts, and whether
 * the floor misses `requiredMin` (no such sample reaches it). In sample order (building, floor).
 */
export function floorSunlight(buildings: ReadonlyArray<BuildingRecord>, samples: FacadeSamples, minutes: Float32Array, requiredMin: number, rule: FloorRule = 'south'): FloorSunlight[] {
  const southFacing = new Set<number>();
  if (rule === 'south') for (let i = 0; i < samples.count; i++) if (-samples.normal[2 * i + 1] >= SOUTH_COS) southFacing.add(samples.building[i]);
  const byKey = new Map<number, { b: number; floor: number; max: number; sum: number; n: number }>();
  for (let i = 0; i < samples.count; i++) {
    const b = samples.building[i];
    if (southFacing.has(b) && -samples.normal[2 * i + 1] < SOUTH_COS) continue;
    const key = b * 65536 + samples.floor[i];
    let r = byKey.get(key);
    if (!r) byKey.set(key, (r = { b, floor: samples.floor[i], max: 0, sum: 0, n: 0 }));
    r.max = Math.max(r.max, minutes[i]); r.sum += minutes[i]; r.n++;
  }
  return [...byKey.values()].map((r) => ({
    buildingId: buildings[r.b].id, use: buildings[r.b].use, floor: r.floor,
    maxMinutes: r.max, meanMinutes: Math.round((r.sum / r.n) * 10) / 10, samples: r.n, belowStandard: r.max < requiredMin,
  }));
}

/** The residential floors below the standard, grouped per building (floors ascending). */
export function residentialBelow(floors: ReadonlyArray<FloorSunlight>): Array<{ buildingId: string; floors: number[]; worstMinutes: number }> {
  const out = new Map<string, { buildingId: string; floors: number[]; worstMinutes: number }>();
  for (const f of floors) {
    if (!f.belowStandard || f.use !== 'residential') continue;
    const r = out.get(f.buildingId) ?? { buildingId: f.buildingId, floors: [], worstMinutes: Infinity };
    r.floors.push(f.floor);
    r.worstMinutes = Math.min(r.worstMinutes, f.maxMinutes);
    out.set(f.buildingId, r);
  }
  return [...out.values()];
}
