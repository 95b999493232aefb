import type { Incident, IncidentOwner, IncidentSeverity, UnitChain } from './Incident';

/**
 * Who owns an incident when it is made (documented in src/hub/README.md, "Incidents"):
 * - the city centre for a critical incident, or one whose scene and extent touch several districts;
 * - the district centre for a high one, or one touching several streets of one district;
 * - else the street centre of the street containing the scene.
 * A tier the city does not have (a package without streets) passes ownership one tier up.
 */
export function defaultOwner(severity: IncidentSeverity, chains: readonly UnitChain[], cityUnitId: string): IncidentOwner {
  const districts = distinct(chains.map((c) => c.districtId));
  const streets = distinct(chains.map((c) => c.streetId));
  if (severity === 'critical' || districts.length !== 1 || chains.some((c) => !c.districtId)) return { tier: 'city', unitId: cityUnitId };
  if (severity === 'high' || streets.length !== 1 || chains.some((c) => !c.streetId)) return { tier: 'district', unitId: districts[0] };
  return { tier: 'street', unitId: streets[0] };
}

/** Non-empty distinct values in first-seen order. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** The owner one tier up: street -> its district -> the city; a reason when the city already owns it. */
export function escalationTarget(i: Pick<Incident, 'owner' | 'districtId'>, cityUnitId: string): IncidentOwner | { refused: string } {
  if (i.owner.tier === 'street' && i.districtId) return { tier: 'district', unitId: i.districtId };
  if (i.owner.tier !== 'city') return { tier: 'city', unitId: cityUnitId };
  return { refused: 'the city centre owns it already: there is no tier above' };
}

/**
 * The owner one tier down: city -> the district of the scene, district -> its street; refused when
 * the incident spans several units of the lower tier (one of them cannot own all of it) or the
 * street tier owns it already.
 */
export function handDownTarget(i: Pick<Incident, 'owner' | 'districtIds' | 'streetIds'>): IncidentOwner | { refused: string } {
  if (i.owner.tier === 'street') return { refused: 'a street centre owns it: there is no tier below' };
  const lower = i.owner.tier === 'city' ? { tier: 'district' as const, ids: i.districtIds } : { tier: 'street' as const, ids: i.streetIds };
  if (lower.ids.length !== 1) {
    return { refused: lower.ids.length ? `it spans ${lower.ids.length} ${lower.tier}s (${lower.ids.join(', ')}): one ${lower.tier} centre cannot own it` : `the city has no ${lower.tier} tier here` };
  }
  return { tier: lower.tier, unitId: lower.ids[0] };
}
