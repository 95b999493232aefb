import { describe, expect, it } from 'vitest';
import { demoFleet, demoModel, demoRoadGraph } from '../../test/support/demoPackage';
import { overrideSegmentAt } from '../route/roadClosures';
import type { LonLat } from '../route/Router';
import { Router } from '../route/Router';
import { coverage } from './coverage';
import { ringCentroid } from './stationFleet';
import { snapDemand } from './Demand';
import { junctionCandidates, locateStations } from './locateStations';
import { planDispatch, rankUnitsFor } from './planDispatch';

const city = await demoModel();
const router = Router.withHierarchy(await demoRoadGraph());
const fleet = await demoFleet();
const demand = snapDemand(router, city.buildings.map((b) => ({ lonLat: city.frame.toLonLat(...ringCentroid(b.footprint)), weight: b.population })));
const stationsOf = (kind: string): LonLat[] => fleet.stations.filter((s) => s.kind === kind).map((s) => s.lonLat);

describe('the demo package fleet', () => {
  it('bases units at the demo city fire stations, hospitals and police stations', () => {
    const count = (kind: string) => fleet.stations.filter((s) => s.kind === kind).length;
    expect([count('fire_station'), count('hospital'), count('police')]).toEqual([16, 9, 36]);
    expect(fleet.units.filter((u) => u.kind === 'fire_engine').length).toBe(48);
  });
});

describe('planDispatch', () => {
  const incidents = [
    { id: 'fire-1', lonLat: [104.045, 30.675] as LonLat, requirements: { fire_engine: 2, ambulance: 1 } },
    { id: 'crash-1', lonLat: [104.08, 30.64] as LonLat, requirements: { ambulance: 1, police_car: 1 } },
  ];

  it('meets every requirement and gives each dispatched unit a route as long as its ETA', () => {
    const plan = planDispatch(router, fleet, incidents);
    expect(plan.unfilled).toEqual([]);
    const kinds = (id: string) => plan.assignments.filter((a) => a.incidentId === id).map((a) => a.kind).sort();
    expect(kinds('fire-1')).toEqual(['ambulance', 'fire_engine', 'fire_engine']);
    expect(kinds('crash-1')).toEqual(['ambulance', 'police_car']);
    for (const a of plan.assignments) {
      const r = plan.routes.find((x) => x.unitIds.includes(a.unitId))!.route!;
      expect(r.seconds).toBeCloseTo(a.etaS, 6);
      expect(r.coordsLonLat.length).toBe(r.cumulativeS.length);
    }
    // The two nearest engines by ETA are the ones sent (no competition for engines here).
    const ranked = rankUnitsFor(router, fleet, incidents[0], { kind: 'fire_engine', limit: 2 });
    expect(plan.assignments.filter((a) => a.kind === 'fire_engine').map((a) => a.etaS)).toEqual(ranked.map((r) => r.etaS));
  });

  it('ranks available units by ETA and skips unavailable ones', () => {
    const ranked = rankUnitsFor(router, fleet, incidents[0]);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].etaS).toBeGreaterThanOrEqual(ranked[i - 1].etaS);
    const first = ranked[0].unitId;
    const busy = { ...fleet, units: fleet.units.map((u) => (u.id === first ? { ...u, available: false } : u)) };
    expect(rankUnitsFor(router, busy, incidents[0]).some((r) => r.unitId === first)).toBe(false);
  });
});

describe('coverage', () => {
  const fire = stationsOf('fire_station');

  it('agrees with per-building travel-time tables and grows with the target time', () => {
    const c4 = coverage(router, fire, demand, 240), c8 = coverage(router, fire, demand, 480);
    expect(c4.shareOfWeight).toBeGreaterThan(0.2);
    expect(c8.coveredWeight).toBeGreaterThanOrEqual(c4.coveredWeight);
    expect(c8.shareOfPoints).toBeLessThanOrEqual(1);
    const sample = Array.from({ length: 40 }, (_, k) => k * 571);
    const table = router.travelTimeTable(fire, sample.map((i) => demand.lonLat[i]));
    sample.forEach((i, j) => {
      const best = Math.min(...fire.map((_, s) => table[s * sample.length + j]));
      if (best <= 480) expect(c8.timesS[i]).toBeCloseTo(best, 6);
      else expect(c8.timesS[i]).toBe(Infinity);
    });
  });

  it('never drops when a station is added and shrinks when a road near a station closes', () => {
    const base = coverage(router, fire.slice(1), demand, 240);
    expect(coverage(router, fire, demand, 240).coveredWeight).toBeGreaterThanOrEqual(base.coveredWeight);
    for (const s of fire.slice(1)) overrideSegmentAt(router, s);
    const closed = coverage(router, fire.slice(1), demand, 240);
    router.overrides.clear();
    expect(closed.coveredWeight).toBeLessThan(base.coveredWeight);
  });
});

describe('locateStations', () => {
  it('adds sites whose claimed gain matches a fresh coverage run, better than a spread of random sites', () => {
    const existing = stationsOf('fire_station').slice(0, 6);
    const candidates = junctionCandidates(router.graph, 150);
    const plan = locateStations(router, demand, existing, candidates, 3, 180);
    expect(plan.sites.length).toBe(3);
    expect(plan.after.coveredWeight).toBeGreaterThan(plan.before.coveredWeight);
    const check = coverage(router, [...existing, ...plan.sites.map((s) => s.lonLat)], demand, 180);
    expect(check.coveredWeight).toBeCloseTo(plan.after.coveredWeight, 3);
    const naive = coverage(router, [...existing, candidates[0], candidates[50], candidates[100]], demand, 180);
    expect(plan.after.coveredWeight).toBeGreaterThanOrEqual(naive.coveredWeight);
  });
});
