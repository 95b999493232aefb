import { beforeAll, describe, expect, it } from 'vitest';
import { demoModel, demoRoadGraph } from '../../../test/support/demoPackage';
import type { CityModel } from '../../twin/package/CityModel';
import { buildRoadGraph } from '../../route/buildRoadGraph';
import type { RoadGraph } from '../../route/RoadGraph';
import { SimCancelledError } from '../core/SimCancelledError';
import { evacueeGroupsFromBuildings } from './evacueeGroupsFromBuildings';
import type { EvacueeGroup, Shelter } from './EvacuationSites';
import { evacuationResultTransferables } from './EvacuationResult';
import { runEvacuation } from './runEvacuation';
import { sheltersFromBuildings } from './sheltersFromBuildings';

const LON = (k: number) => 104.06 + 0.001 * k, LAT = 30.66;

/** Four nodes in a row 100 m apart (by lengthM), local roads; `oneway` keeps only the eastbound arcs. */
function chain(oneway = false): RoadGraph {
  const from: number[] = [], to: number[] = [];
  for (let k = 0; k < 3; k++) { from.push(k); to.push(k + 1); if (!oneway) { from.push(k + 1); to.push(k); } }
  const m = from.length;
  return buildRoadGraph({
    nodeLonLatDeg: Float64Array.from([0, 1, 2, 3].flatMap((k) => [LON(k), LAT])), from, to,
    lengthM: new Float64Array(m).fill(100), speedMps: new Float64Array(m).fill(10), roadClass: new Uint8Array(m).fill(3),
    oneway: new Uint8Array(m).fill(oneway ? 1 : 0), line: new Uint32Array(m), lines: [{ id: 'L', name: 'chain' }],
  });
}

const at = (k: number) => ({ lonDeg: LON(k), latDeg: LAT });

describe('runEvacuation', () => {
  it('reproduces the bottleneck clearance time of a crowd walking one street: L / v + (packets - 1) x packet / capacity', async () => {
    const groups: EvacueeGroup[] = [{ id: 'g', ...at(0), people: 100 }];
    const shelters: Shelter[] = [{ id: 's', ...at(3), capacityPeople: 1000 }];
    const r = await runEvacuation({ road: chain(), groups, shelters, params: { departureSpreadS: 0, packetPeople: 25 } });
    const capacity = 3 * 1.3; // local street walking width (m) x specific flow (people/m/s)
    expect(r.clearanceTimeS).toBeCloseTo(300 / 1.2 + (3 * 25) / capacity, 3);
    expect(r.freeFlowTimeToSafe.at(-1)!.timeS).toBeCloseTo(250, 3);
    expect(r.assignedPeople).toBe(100);
    expect(r.curveSafeFraction.at(-1)).toBe(1);
    expect(r.lineMaxDelayS[0]).toBeCloseTo((3 * 25) / capacity, 4);
  });

  it('lets walkers go against one-way streets but not drivers', async () => {
    const groups: EvacueeGroup[] = [{ id: 'g', ...at(3), people: 10 }];
    const shelters: Shelter[] = [{ id: 's', ...at(0), capacityPeople: 100 }];
    const walk = await runEvacuation({ road: chain(true), groups, shelters, params: { mode: 'walk' } });
    const drive = await runEvacuation({ road: chain(true), groups, shelters, params: { mode: 'drive' } });
    expect(walk.assignedPeople).toBe(10);
    expect(drive.assignedPeople).toBe(0);
    expect(drive.unreachablePeople).toBe(10);
    expect(drive.timeToSafe[0].timeS).toBeNull();
  });

  it('treats closed arcs as impassable', async () => {
    const road = chain(), closed = new Uint8Array(road.arcCount);
    for (let a = 0; a < road.arcCount; a++) if (Math.min(road.arcFrom[a], road.arcTo[a]) === 1) closed[a] = 1;
    const r = await runEvacuation({ road, groups: [{ id: 'g', ...at(0), people: 10 }], shelters: [{ id: 's', ...at(3), capacityPeople: 100 }], closedArcs: closed });
    expect(r.unreachablePeople).toBe(10);
  });

  describe('on the demo city', () => {
    let city: CityModel, road: RoadGraph, groups: EvacueeGroup[], shelters: Shelter[];
    beforeAll(async () => {
      city = await demoModel();
      road = await demoRoadGraph();
      const zone: number[] = [];
      city.buildings.forEach((b, i) => { const [x, y] = b.footprint[0]; if (Math.hypot(x - 2000, y + 2500) < 500) zone.push(i); });
      groups = evacueeGroupsFromBuildings(city.buildings, zone, city.frame);
      shelters = sheltersFromBuildings(city.buildings, city.frame, { exclude: new Set(zone) });
    });

    it('shelters everyone within capacities and reports a rising safe-fraction curve', async () => {
      const r = await runEvacuation({ road, groups, shelters });
      expect(r.evacuees).toBeGreaterThan(5000);
      expect(r.assignedPeople + r.unassignedPeople).toBe(r.evacuees);
      expect(r.unassignedPeople).toBe(0);
      r.shelterLoad.forEach((l, s) => expect(l).toBeLessThanOrEqual(r.shelterCapacity[s]));
      for (let i = 1; i < r.curveSafeFraction.length; i++) expect(r.curveSafeFraction[i]).toBeGreaterThanOrEqual(r.curveSafeFraction[i - 1]);
      const [half, ninety] = r.timeToSafe;
      expect(half.timeS!).toBeLessThan(ninety.timeS!);
      expect(ninety.timeS!).toBeGreaterThanOrEqual(r.freeFlowTimeToSafe[1].timeS!);
      expect(r.groupClearS.every((t) => t > 0)).toBe(true);
      const moved = structuredClone(r, { transfer: evacuationResultTransferables(r) });
      expect(moved.shelterLoad.length).toBe(shelters.length);
      expect(r.shelterLoad.length).toBe(0);
    });

    it('sends people by min-cost flow for no more total time than greedy', async () => {
      const tight = shelters.map((s) => ({ ...s, capacityPeople: Math.floor(s.capacityPeople / 4) }));
      const greedy = await runEvacuation({ road, groups, shelters: tight, params: { assignment: 'greedy', departureSpreadS: 0 } });
      const best = await runEvacuation({ road, groups, shelters: tight, params: { assignment: 'minCost', departureSpreadS: 0 } });
      expect(best.assignedPeople).toBeGreaterThanOrEqual(greedy.assignedPeople);
      if (best.assignedPeople === greedy.assignedPeople) expect(best.meanRouteTimeS).toBeLessThanOrEqual(greedy.meanRouteTimeS + 1e-6);
      best.shelterLoad.forEach((l, s) => expect(l).toBeLessThanOrEqual(tight[s].capacityPeople));
    });

    it('replays a run bit for bit from its seed, and another seed changes departures', async () => {
      const a = await runEvacuation({ road, groups, shelters, params: { seed: 3 } });
      const b = await runEvacuation({ road, groups, shelters, params: { seed: 3 } });
      const c = await runEvacuation({ road, groups, shelters, params: { seed: 4 } });
      expect(Array.from(b.groupClearS)).toEqual(Array.from(a.groupClearS));
      expect(Array.from(c.groupClearS)).not.toEqual(Array.from(a.groupClearS));
    });

    it('stops with SimCancelledError when aborted', async () => {
      const ctrl = new AbortController();
      await expect(runEvacuation({ road, groups, shelters }, { signal: ctrl.signal, onProgress: () => ctrl.abort() })).rejects.toBeInstanceOf(SimCancelledError);
    });

    it('rejects bad input naming the field', async () => {
      await expect(runEvacuation({ road, groups: [{ id: 'x', lonDeg: NaN, latDeg: 30, people: 1 }], shelters })).rejects.toThrow(/groups\[0\]\.lonDeg/);
      await expect(runEvacuation({ road, groups, shelters, params: { mode: 'fly' as 'walk' } })).rejects.toThrow(/mode/);
    });
  });
});
