import { sunlightMinutes } from '../../analysis/sunlight/sunlightMinutes';
import { floorSunlight } from '../../analysis/sunlight/sunlightStandard';
import { planSunlight } from '../../analysis/sunlight/sunlightStudy';
import type { AbortLike } from '../../sim/core/SimProgress';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { pointInRing } from '../../twin/BuildingGrid';
import { centroid } from '../city/applyMassing';
import type { ScenarioCity } from '../city/ScenarioCity';
import type { Scenario } from '../schema/Scenario';
import { planningScene } from './planningScene';

/** Defaults of `site.sunlight`. */
export const SITE_SUNLIGHT_DEFAULTS = { standard: 'dahan', radiusM: 200, spacingM: 5, stepMin: 2 } as const;

/** Sunlight of one neighbouring residential building, before and after the massing. */
export interface NeighbourSunlight {
  building: BuildingRecord;
  floorsBelow: number;
  floorsLosingStandard: number;
  /** Sum over its floors of the best window's minutes lost. */
  minutesLost: number;
  /** The worst floor's best window after (min). */
  worstMinutes: number;
}

/** Distance from a point to a polygon ring (0 inside), plane m. */
function distanceToRing(x: number, y: number, ring: ReadonlyArray<readonly [number, number]>): number {
  if (pointInRing(x, y, ring)) return 0;
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j], [bx, by] = ring[i], ex = bx - ax, ey = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey || 1)));
    best = Math.min(best, Math.hypot(x - ax - t * ex, y - ay - t * ey));
  }
  return best;
}

/**
 * Sunlight hours of the residential buildings within radiusM of the site (outside it, standing
 * unchanged before and after), counted in the city as it stands and in the run's city.
 */
export function siteSunlight(s: Scenario, siteRing: Array<[number, number]>, before: ScenarioCity, after: ScenarioCity, signal?: AbortLike, onProgress?: (f: number) => void): { neighbours: NeighbourSunlight[]; requiredMin: number } {
  const o = { ...SITE_SUNLIGHT_DEFAULTS, ...s.site!.sunlight };
  const date = s.site!.sunlight?.date ?? `${s.start.slice(0, 4)}-${o.standard === 'dongzhi' ? '12-22' : '01-20'}`;
  const afterIds = new Map(after.city.buildings.map((b) => [b.id, b]));
  const idx: number[] = [];
  before.city.buildings.forEach((b, i) => {
    const [x, y] = centroid(b.footprint), d = distanceToRing(x, y, siteRing);
    if (b.use === 'residential' && d > 0 && d <= o.radiusM && afterIds.get(b.id) === b) idx.push(i);
  });
  if (!idx.length) return { neighbours: [], requiredMin: 0 };
  const b0 = planningScene(before), b1 = after === before ? b0 : planningScene(after);
  const plan = planSunlight(before.city.buildings, idx, b0.groundM, (x, y) => before.frame.toLonLat(x, y), { date, standard: o.standard, spacingM: o.spacingM, stepMin: o.stepMin });
  const cancelled = () => signal?.aborted === true;
  const mBefore = sunlightMinutes(b0.scene, plan.samples, plan.path, { cancelled, onProgress: (f) => onProgress?.(f / 2) });
  const mAfter = after === before ? mBefore : sunlightMinutes(b1.scene, plan.samples, plan.path, { cancelled, onProgress: (f) => onProgress?.(0.5 + f / 2) });
  const req = plan.standard.requiredMin;
  const fb = floorSunlight(before.city.buildings, plan.samples, mBefore, req, plan.floorRule), fa = floorSunlight(before.city.buildings, plan.samples, mAfter, req, plan.floorRule);
  const byId = new Map<string, NeighbourSunlight>();
  fa.forEach((f, k) => {
    const was = fb[k], b = afterIds.get(f.buildingId)!;
    const n = byId.get(f.buildingId) ?? { building: b, floorsBelow: 0, floorsLosingStandard: 0, minutesLost: 0, worstMinutes: Infinity };
    if (f.belowStandard) n.floorsBelow++;
    if (f.belowStandard && !was.belowStandard) n.floorsLosingStandard++;
    n.minutesLost += Math.max(0, was.maxMinutes - f.maxMinutes);
    n.worstMinutes = Math.min(n.worstMinutes, f.maxMinutes);
    byId.set(f.buildingId, n);
  });
  return { neighbours: [...byId.values()], requiredMin: req };
}
