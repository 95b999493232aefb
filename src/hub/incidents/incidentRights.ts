import type { Incident, IncidentActor } from './Incident';

/** What an account may want to do with an incident. */
export type IncidentRight = 'see' | 'note' | 'act' | 'escalate';

type Scope = Pick<Incident, 'owner' | 'districtIds' | 'streetIds'>;

/** True when the account's area (its street, its district, the whole city) contains the incident. */
export function inArea(who: Pick<IncidentActor, 'tier' | 'unitId'>, i: Pick<Incident, 'districtIds' | 'streetIds'>): boolean {
  if (who.tier === 'city') return true;
  return who.tier === 'district' ? i.districtIds.includes(who.unitId) : i.streetIds.includes(who.unitId);
}

/** True when the account's centre owns the incident (made there, escalated or handed down to it). */
export function owns(who: Pick<IncidentActor, 'tier' | 'unitId'>, i: Pick<Incident, 'owner'>): boolean {
  return who.tier === i.owner.tier && who.unitId === i.owner.unitId;
}

/** Tier order, coarse last: a centre is above another when its rank is larger. */
export const TIER_RANK = { street: 0, district: 1, city: 2 } as const;

/**
 * Why an account may not do `right` on an incident, or null when it may:
 * - see: the owner, or a centre whose area contains it (the street where it happens keeps seeing
 *   it after escalation; the city sees all);
 * - note: the same;
 * - act (triage, dispatch, on scene, resolve, close, hand down, propose): the owner only;
 * - escalate: the owner (one tier up), or a centre above the owner whose area contains it (it
 *   takes the incident over).
 */
export function refusal(who: IncidentActor, right: IncidentRight, i: Scope & { id: string }): string | null {
  if (owns(who, i)) return null;
  const owner = `${i.owner.tier} ${i.owner.unitId}`;
  if (right === 'see' || right === 'note') return inArea(who, i) ? null : `${who.username} (${who.tier} ${who.unitId}) does not see incident ${i.id}: it is outside that ${who.tier} and owned by ${owner}`;
  if (right === 'escalate' && TIER_RANK[who.tier] > TIER_RANK[i.owner.tier] && inArea(who, i)) return null;
  return `${who.username} (${who.tier} ${who.unitId}) may not act on incident ${i.id}: it is owned by ${owner}`;
}
