/** The tiers a display can be scoped to (the city tier is the whole city: no scope). */
export type ScopeTier = 'district' | 'street';
export const SCOPE_TIERS: readonly ScopeTier[] = ['district', 'street'];

/** One district's or street's view of the city. */
export interface UnitScope {
  tier: ScopeTier;
  unitId: string;
}

/** Anything that lies in units (a building, a sensor, an alert). */
export interface InUnits {
  districtId: string;
  streetId: string;
}

/** True when a record lies in the scope (or there is none). */
export function inScope(r: InUnits, s: UnitScope | null): boolean {
  return !s || (s.tier === 'district' ? r.districtId === s.unitId : r.streetId === s.unitId);
}

/** Reads `?tier=&unit=`: null for none or the city tier; throws naming the parameter and what was expected. */
export function parseScope(tier: string | null, unit: string | null): UnitScope | null {
  if (tier === null || tier === '' || tier === 'city') return null;
  if (!SCOPE_TIERS.includes(tier as ScopeTier)) throw new Error(`URL parameter "tier" must be city, district or street (got '${tier}')`);
  if (!unit) throw new Error(`URL parameter "unit" must name the ${tier} to show (tier=${tier} without unit=)`);
  return { tier: tier as ScopeTier, unitId: unit };
}

/**
 * The state-texture colours that dim the city outside a scope: a translucent dark slate over every
 * building outside (alpha 0 inside, leaving the layers below); 4 bytes per building in list order.
 */
export function scopeDimming(buildings: readonly InUnits[], s: UnitScope, out = new Uint8Array(buildings.length * 4)): { rgba: Uint8Array; inside: number } {
  let inside = 0;
  for (let i = 0; i < buildings.length; i++) {
    const o = i * 4;
    if (inScope(buildings[i], s)) { out[o + 3] = 0; inside++; continue; }
    out[o] = 15; out[o + 1] = 23; out[o + 2] = 42; out[o + 3] = 200;
  }
  return { rgba: out, inside };
}
