import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident, IncidentActor } from '../../../src/hub/incidents/Incident';
import { IncidentBook } from '../../../src/hub/incidents/IncidentBook';
import type { IncidentCommand } from '../../../src/hub/incidents/incidentCommand';
import { incidentSetup, type IncidentSetup } from '../../../src/hub/incidents/incidentSetup';
import { isOverdue, slaState } from '../../../src/hub/incidents/slaTimers';
import type { SensorInfo } from '../../../src/signs/registry/SensorInfo';
import { demoPackage, demoRegistry } from '../../support/demoPackage';

const CITY = '510100';
let setup: IncidentSetup, sensors: SensorInfo[];
let now = Date.UTC(2026, 11, 1, 8, 0, 0);
const clock = () => now;
let seq = 0;
const cmd = (c: Omit<IncidentCommand, 'id'>): IncidentCommand => ({ id: `cmd-${String(++seq).padStart(6, '0')}`, ...c });

beforeAll(async () => {
  setup = await incidentSetup(await demoPackage());
  sensors = (await demoRegistry()).sensors;
});

function book(): IncidentBook {
  return new IncidentBook({ hubId: 'h', cityUnitId: CITY, locate: (p) => setup.places.locate(p), alertFacts: () => null, dispatcher: setup.dispatcher, clock });
}

/** Two sensors in different streets of one district, and one in another district. */
function places(): { a: SensorInfo; b: SensorInfo; far: SensorInfo } {
  const a = sensors[0];
  const b = sensors.find((s) => s.districtId === a.districtId && s.streetId !== a.streetId)!;
  const far = sensors.find((s) => s.districtId !== a.districtId)!;
  return { a, b, far };
}

const actor = (tier: IncidentActor['tier'], unitId: string, username = `op-${tier}`): IncidentActor => ({ username, tier, unitId });
const ok = (r: ReturnType<IncidentBook['apply']>) => {
  if ('refused' in r) throw new Error(`refused: ${r.refused}`);
  return r;
};

function report(b: IncidentBook, at: SensorInfo, severity: Incident['severity'] = 'medium', who = actor('city', CITY)): Incident {
  return ok(b.apply(cmd({ action: 'create', type: 'fire', severity, lonLat: [at.lonDeg, at.latDeg] }), who)).incident;
}

describe('IncidentBook', () => {
  it('places a scene in its units and records each lifecycle step with who and when; illegal steps are refused with a reason', () => {
    const { a } = places(), b = book();
    const street = actor('street', a.streetId, 'op-street');
    const i = report(b, a, 'medium', street);
    expect(i).toMatchObject({ status: 'reported', streetId: a.streetId, districtId: a.districtId, unitId: a.unitId, owner: { tier: 'street', unitId: a.streetId } });
    expect(b.apply(cmd({ action: 'resolve', incidentId: i.id }), street)).toEqual({ refused: `incident ${i.id}: cannot resolve an incident that is reported (only from triaged or dispatched or on_scene)` });
    now += 60_000;
    ok(b.apply(cmd({ action: 'triage', incidentId: i.id }), street));
    expect(b.apply(cmd({ action: 'on_scene', incidentId: i.id }), street)).toMatchObject({ refused: expect.stringContaining('cannot on scene an incident that is triaged') });
    now += 60_000;
    const v = setup.dispatcher!.fleet.units[0].id;
    ok(b.apply(cmd({ action: 'dispatch', incidentId: i.id, vehicleIds: [v] }), street));
    now += 60_000;
    ok(b.apply(cmd({ action: 'on_scene', incidentId: i.id }), street));
    ok(b.apply(cmd({ action: 'resolve', incidentId: i.id, text: 'fire out' }), street));
    expect(b.apply(cmd({ action: 'triage', incidentId: i.id }), street)).toMatchObject({ refused: expect.stringContaining('cannot triage an incident that is resolved') });
    ok(b.apply(cmd({ action: 'close', incidentId: i.id }), street));
    expect(i.timeline.map((s) => [s.action, s.to, s.by?.username, s.atMs - i.statusAtMs.reported!])).toEqual([
      ['create', 'reported', 'op-street', 0], ['triage', 'triaged', 'op-street', 60_000], ['dispatch', 'dispatched', 'op-street', 120_000],
      ['on_scene', 'on_scene', 'op-street', 180_000], ['resolve', 'resolved', 'op-street', 180_000], ['close', 'closed', 'op-street', 180_000],
    ]);
    expect(i.timeline[4].text).toBe('fire out');
    expect(i.assignments[0]).toMatchObject({ vehicleId: v, releasedAtMs: now });
  });

  it('owns by the rule: street by default, district for high or several streets, city for critical or several districts', () => {
    const { a, b: other, far } = places(), bk = book();
    const lon = (s: SensorInfo): [number, number] => [s.lonDeg, s.latDeg];
    expect(report(bk, a, 'low').owner).toEqual({ tier: 'street', unitId: a.streetId });
    expect(report(bk, a, 'high').owner).toEqual({ tier: 'district', unitId: a.districtId });
    expect(report(bk, a, 'critical').owner).toEqual({ tier: 'city', unitId: CITY });
    const twoStreets = ok(bk.apply(cmd({ action: 'create', type: 'flood', severity: 'low', lonLat: lon(a), extentLonLat: [lon(other)] }), actor('city', CITY))).incident;
    expect(twoStreets).toMatchObject({ owner: { tier: 'district', unitId: a.districtId }, streetIds: [a.streetId, other.streetId] });
    const twoDistricts = ok(bk.apply(cmd({ action: 'create', type: 'flood', severity: 'low', lonLat: lon(a), extentLonLat: [lon(far)] }), actor('city', CITY))).incident;
    expect(twoDistricts).toMatchObject({ owner: { tier: 'city', unitId: CITY }, districtIds: [a.districtId, far.districtId] });
    expect(bk.apply(cmd({ action: 'create', type: 'fire', severity: 'low', lonLat: [0, 0] }), actor('city', CITY))).toEqual({ refused: "[0, 0] lies outside the city's units" });
    expect(bk.apply(cmd({ action: 'create', type: 'fire', severity: 'low', lonLat: lon(other) }), actor('street', a.streetId))).toMatchObject({ refused: expect.stringContaining('may not report an incident outside its street') });
    // Down from the city: refused while it spans two districts.
    expect(bk.apply(cmd({ action: 'hand_down', incidentId: twoDistricts.id }), actor('city', CITY))).toMatchObject({ refused: expect.stringContaining('it spans 2 districts') });
  });

  it('escalates street -> district -> city and hands down again; a street may not act on another street\'s incident', () => {
    const { a, b: other } = places(), bk = book();
    const mine = actor('street', a.streetId, 'op-a'), neighbour = actor('street', other.streetId, 'op-b'), district = actor('district', a.districtId, 'op-d');
    const i = report(bk, a, 'medium', mine);
    expect(bk.apply(cmd({ action: 'triage', incidentId: i.id }), neighbour)).toEqual({ refused: `op-b (street ${other.streetId}) may not act on incident ${i.id}: it is owned by street ${a.streetId}` });
    expect(bk.apply(cmd({ action: 'note', incidentId: i.id, text: 'smoke seen' }), neighbour)).toMatchObject({ refused: expect.stringContaining('does not see') });
    ok(bk.apply(cmd({ action: 'escalate', incidentId: i.id, text: 'needs more engines' }), mine));
    expect(i.owner).toEqual({ tier: 'district', unitId: a.districtId });
    // The street where it happens still sees it and adds notes, but no longer acts on it.
    ok(bk.apply(cmd({ action: 'note', incidentId: i.id, text: 'road blocked' }), mine));
    expect(bk.apply(cmd({ action: 'triage', incidentId: i.id }), mine)).toMatchObject({ refused: expect.stringContaining(`owned by district ${a.districtId}`) });
    ok(bk.apply(cmd({ action: 'triage', incidentId: i.id }), district));
    ok(bk.apply(cmd({ action: 'escalate', incidentId: i.id }), district));
    expect(i.owner).toEqual({ tier: 'city', unitId: CITY });
    expect(bk.apply(cmd({ action: 'escalate', incidentId: i.id }), actor('city', CITY))).toMatchObject({ refused: expect.stringContaining('no tier above') });
    ok(bk.apply(cmd({ action: 'hand_down', incidentId: i.id }), actor('city', CITY)));
    ok(bk.apply(cmd({ action: 'hand_down', incidentId: i.id }), district));
    expect(i.owner).toEqual({ tier: 'street', unitId: a.streetId });
    expect(i.timeline.filter((s) => s.owner).map((s) => `${s.action}:${s.owner!.from.tier}->${s.owner!.to.tier}`))
      .toEqual(['escalate:street->district', 'escalate:district->city', 'hand_down:city->district', 'hand_down:district->street']);
    // A district takes over a street's incident by escalating it itself.
    const j = report(bk, other, 'low', neighbour);
    ok(bk.apply(cmd({ action: 'escalate', incidentId: j.id }), district));
    expect(j.owner).toEqual({ tier: 'district', unitId: a.districtId });
    expect(bk.counts().byTier).toEqual({ city: 0, district: 1, street: 1 });
  });

  it('keeps a dispatched vehicle busy for every centre until its incident is resolved; proposals leave busy vehicles out', () => {
    const { a, far } = places(), bk = book();
    const i = report(bk, a, 'medium', actor('district', a.districtId));
    const j = report(bk, far, 'high', actor('city', CITY));
    for (const x of [i, j]) ok(bk.apply(cmd({ action: 'triage', incidentId: x.id }), x.owner.tier === 'city' ? actor('city', CITY) : actor(x.owner.tier, x.owner.unitId)));
    const ownerOf = (x: Incident) => actor(x.owner.tier, x.owner.unitId);
    const p = ok(bk.apply(cmd({ action: 'propose', incidentId: i.id }), ownerOf(i))).proposal!;
    expect(p.requirements).toEqual({ fire_engine: 2 });
    expect(p.vehicles).toHaveLength(2);
    expect(p.vehicles.every((v) => v.kind === 'fire_engine' && v.etaS > 0)).toBe(true);
    const ids = p.vehicles.map((v) => v.vehicleId);
    const out = ok(bk.apply(cmd({ action: 'dispatch', incidentId: i.id, vehicleIds: ids }), ownerOf(i)));
    expect(i.assignments.map((x) => x.etaS)).toEqual(p.vehicles.map((v) => v.etaS));
    expect(out.routes!.get(ids[0])!.coordsLonLat.length).toBeGreaterThan(1);
    expect(bk.apply(cmd({ action: 'dispatch', incidentId: j.id, vehicleIds: [ids[0]] }), ownerOf(j))).toEqual({ refused: `vehicle ${ids[0]} is busy with incident ${i.id}` });
    const q = ok(bk.apply(cmd({ action: 'propose', incidentId: j.id }), ownerOf(j))).proposal!;
    expect(q.vehicles.some((v) => ids.includes(v.vehicleId))).toBe(false);
    expect(bk.arrive(i.id, ids[0])!.incident.status).toBe('on_scene');
    expect(bk.arrive(i.id, ids[0])).toBeNull();
    ok(bk.apply(cmd({ action: 'resolve', incidentId: i.id }), ownerOf(i)));
    expect(bk.busyVehicles().size).toBe(0);
    ok(bk.apply(cmd({ action: 'dispatch', incidentId: j.id, vehicleIds: [ids[0]] }), ownerOf(j)));
  });

  it('makes incidents from a 12345 hotline case and from an alert, one open incident per case and per alert', () => {
    const { a } = places();
    const bk = new IncidentBook({
      hubId: 'h', cityUnitId: CITY, locate: (p) => setup.places.locate(p), dispatcher: setup.dispatcher, clock,
      alertFacts: (id) => (id === 'WL-1~water_level_high~5' ? { lonLat: [a.lonDeg, a.latDeg], type: 'flood', severity: 'high', title: 'High water' } : null),
    });
    const city = actor('city', CITY);
    const hotline = { caseId: 'C-778', callerText: 'Smell of gas on the stairs' };
    const h = ok(bk.apply(cmd({ action: 'create', type: 'public_health', severity: 'medium', lonLat: [a.lonDeg, a.latDeg], hotline }), city)).incident;
    expect(h).toMatchObject({ title: '12345: Smell of gas on the stairs', source: { kind: 'hotline', caseId: 'C-778', callerPhone: null }, owner: { tier: 'street' } });
    expect(bk.apply(cmd({ action: 'create', type: 'other', severity: 'low', lonLat: [a.lonDeg, a.latDeg], hotline }), city)).toEqual({ refused: `hotline C-778 is already incident ${h.id}` });
    const f = ok(bk.apply(cmd({ action: 'create', alertId: 'WL-1~water_level_high~5' }), city)).incident;
    expect(f).toMatchObject({ type: 'flood', severity: 'high', title: 'High water', source: { kind: 'alert', alertId: 'WL-1~water_level_high~5' }, owner: { tier: 'district', unitId: a.districtId } });
    expect(bk.apply(cmd({ action: 'create', alertId: 'nope~x~1' }), city)).toEqual({ refused: 'no alert nope~x~1' });
    now += 1;
  });

  it('flags the overdue stage and by how long against the injected clock', () => {
    const { a } = places(), bk = book();
    const t0 = now;
    const i = report(bk, a, 'medium');
    // fire, medium: triage 5 min, dispatch 5 min (config/incidents/sla.json)
    expect(slaState(setup.sla, i, t0 + 5 * 60_000)).toEqual({ stage: 'triage', dueAtMs: t0 + 300_000, overdueS: 0 });
    expect(isOverdue(setup.sla, i, t0 + 300_000)).toBe(false);
    expect(slaState(setup.sla, i, t0 + 7 * 60_000)).toMatchObject({ stage: 'triage', overdueS: 120 });
    now = t0 + 7 * 60_000;
    ok(bk.apply(cmd({ action: 'triage', incidentId: i.id }), actor(i.owner.tier, i.owner.unitId)));
    expect(slaState(setup.sla, i, now + 6 * 60_000)).toEqual({ stage: 'dispatch', dueAtMs: now + 300_000, overdueS: 60 });
    ok(bk.apply(cmd({ action: 'resolve', incidentId: i.id }), actor(i.owner.tier, i.owner.unitId)));
    expect(slaState(setup.sla, i, now + 1e9)).toBeNull();
  });
});
