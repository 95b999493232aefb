import { LEVEL_COUNT, UNIT_LEVELS, type UnitIndex } from '../../signs/units/UnitIndex';
import { INDICATOR_TIERS, type IndicatorTier } from '../topics';

/** The unit indices of each tier inside one district (the district itself, its streets, communities, grid cells). */
export type DistrictTierUnits = Record<Exclude<IndicatorTier, 'city'>, Int32Array>;

/**
 * Groups a city's units by district and tier, the way the hub publishes them: one message per
 * (tier, district). Also tells which district a unit lies in.
 */
export function districtTiers(units: UnitIndex, districtIds: readonly string[]): Map<string, DistrictTierUnits> {
  const levelOf = (tier: string) => UNIT_LEVELS.indexOf(tier as (typeof UNIT_LEVELS)[number]);
  const districtLevel = levelOf('district');
  const lists = new Map(districtIds.map((d) => [d, Object.fromEntries(INDICATOR_TIERS.map((t) => [t, [] as number[]]))]));
  const chain = new Int32Array(LEVEL_COUNT);
  for (let u = 0; u < units.size; u++) {
    units.chain(u, chain, 0);
    const d = chain[districtLevel];
    const entry = d >= 0 ? lists.get(units.ids[d]) : undefined;
    const tier = UNIT_LEVELS[units.levels[u]];
    if (entry && tier !== 'city') entry[tier].push(u);
  }
  const out = new Map<string, DistrictTierUnits>();
  for (const [d, l] of lists) out.set(d, Object.fromEntries(INDICATOR_TIERS.map((t) => [t, Int32Array.from(l[t])])) as DistrictTierUnits);
  return out;
}

/** The district id a unit lies in ('' for the city itself), or null for an unknown unit. */
export function districtOf(units: UnitIndex, unitId: string): string | null {
  const u = units.indexOf(unitId);
  if (u < 0) return null;
  const chain = new Int32Array(LEVEL_COUNT);
  units.chain(u, chain, 0);
  const d = chain[UNIT_LEVELS.indexOf('district')];
  return d >= 0 ? units.ids[d] : '';
}
