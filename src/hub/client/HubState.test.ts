import { describe, expect, it } from 'vitest';
import type { PublishedIncident } from '../incidents/IncidentService';
import { HubState } from './HubState';

function incident(id: string, over: Partial<PublishedIncident>): PublishedIncident {
  return {
    id, type: 'fire', severity: 'medium', title: id, lonLat: [104, 30], extentLonLat: [], unitId: 'g1', gridId: 'g1', communityId: 'c1', streetId: 's1', districtId: 'd1',
    districtIds: ['d1'], streetIds: ['s1'], source: { kind: 'manual' }, status: 'reported', owner: { tier: 'street', unitId: 's1' }, statusAtMs: { reported: 1000 },
    createdBy: { username: 'u', tier: 'street', unitId: 's1' }, updatedAtMs: 1000, timeline: [], assignments: [], hubId: 'h', sla: { stage: 'triage', dueAtMs: 61_000, overdueS: 0 }, ...over,
  };
}

describe('HubState incidents', () => {
  it('keeps the incidents map from retained messages, lists them by viewer, status, type and owner, and says how late they are', () => {
    const s = new HubState('demo'), seen: string[] = [];
    s.events.subscribe('incident', (e) => seen.push(`${e.change}:${e.incident.id}`));
    const put = (i: PublishedIncident) => s.ingest(s.topics.incident(i.id), JSON.stringify(i));
    put(incident('A', {}));
    put(incident('B', { severity: 'critical', streetId: 's2', streetIds: ['s2'], owner: { tier: 'city', unitId: 'city' }, source: { kind: 'alert', alertId: 'al-1' } }));
    put(incident('C', { streetIds: ['s2'], streetId: 's2', owner: { tier: 'district', unitId: 'd1' }, status: 'closed' }));
    put(incident('A', { status: 'triaged' }));
    expect(seen).toEqual(['added:A', 'added:B', 'added:C', 'updated:A']);
    expect(s.incidentList().map((i) => i.id)).toEqual(['B', 'A']);
    expect(s.incidentList({ open: false }).map((i) => i.id)).toEqual(['B', 'A', 'C']);
    expect(s.incidentList({ viewer: { tier: 'street', unitId: 's1' } }).map((i) => i.id)).toEqual(['A']);
    expect(s.incidentList({ viewer: { tier: 'district', unitId: 'd1' }, open: false }).map((i) => i.id)).toEqual(['B', 'A', 'C']);
    expect(s.incidentList({ ownerTier: ['city'] }).map((i) => i.id)).toEqual(['B']);
    expect(s.incidentList({ status: ['triaged'], type: ['fire'] }).map((i) => i.id)).toEqual(['A']);
    expect(s.incidentOfAlert('al-1')?.id).toBe('B');
    expect(s.overdueS(s.incidents.get('A')!, 91_000)).toBe(30);
    s.ingest(s.topics.incident('C'), '');
    expect(seen.at(-1)).toBe('removed:C');
    expect(s.ingest(s.topics.incident('D'), JSON.stringify({ id: 'other' }))).toBe(false);
    expect(s.ingest(s.topics.vehicles, JSON.stringify({ timeMs: 5, vehicles: [{ vehicleId: 'v1', state: 'en_route' }] }))).toBe(true);
    expect(s.vehicles?.vehicles).toHaveLength(1);
  });
});
