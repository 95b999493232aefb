import { area, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { demoRoadGraph } from '../../test/support/demoPackage';
import { isochrone } from './isochrone';
import { Router } from './Router';

const g = await demoRoadGraph();

describe('isochrone', () => {
  const router = new Router(g);
  const origin: [number, number] = [104.06, 30.66];

  it('draws nested areas that hold the nodes reached in time and exclude the ones that are not', () => {
    const fc = isochrone(router, origin, [3, 6]);
    expect(fc.features.map((f) => f.properties?.minutes)).toEqual([3, 6]);
    const [a3, a6] = fc.features.map((f) => area(f));
    expect(a3).toBeGreaterThan(0.5e6);
    expect(a6).toBeGreaterThan(2 * a3);
    const costs = router.nodeCostsFrom([router.snap(origin)]);
    const inside = (f: Feature<MultiPolygon>, v: number) => booleanPointInPolygon(point([g.nodeLonLatDeg[2 * v], g.nodeLonLatDeg[2 * v + 1]]), f);
    let checkedIn = 0, checkedOut = 0;
    for (let v = 0; v < g.nodeCount; v++) {
      if (costs[v] < 2.5 * 60) { expect(inside(fc.features[0], v)).toBe(true); checkedIn++; }
      // 100 m reach + a 50 m cell at 30 km/h is at most ~20 s of slack.
      if (costs[v] > 6 * 60 + 60) { expect(inside(fc.features[1], v), `node ${v} at ${costs[v]} s`).toBe(false); checkedOut++; }
    }
    expect(checkedIn).toBeGreaterThan(20);
    expect(checkedOut).toBeGreaterThan(100);
    expect(booleanPointInPolygon(point(origin), fc.features[0])).toBe(true);
  });

  it('shrinks when the roads around the origin are slowed', () => {
    const before = area(isochrone(router, origin, [4]).features[0]);
    for (let a = 0; a < g.arcCount; a++) router.overrides.set(a, 2);
    const after = area(isochrone(router, origin, [4]).features[0]);
    router.overrides.clear();
    expect(after).toBeLessThan(0.6 * before);
  });

  it('rejects non-positive minutes', () => {
    expect(() => isochrone(router, origin, [0])).toThrow(/minutes expects positive numbers/);
  });
});
