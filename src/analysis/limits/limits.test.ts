import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../../geo/LocalFrame';
import { boxBuilding } from '../testing/boxBuilding';
import { syntheticScene } from '../testing/syntheticScene';
import { heightLimitZonesFromGeoJson } from './HeightLimit';
import { buildingsAboveLimit } from './heightLimitCheck';
import { compareSkylines, skyline } from './skyline';

const buildings = [boxBuilding('low', 0, 0, 20, 20, 24, 8), boxBuilding('tall', 100, 0, 120, 20, 99, 33), boxBuilding('mid', 200, 0, 220, 20, 60, 20)];

describe('buildingsAboveLimit', () => {
  it('finds the buildings above a flat limit over the ground, with the excess and the floors above', () => {
    const out = buildingsAboveLimit(syntheticScene(buildings), buildings, { kind: 'flat', heightM: 50, reference: 'ground' });
    expect(out.map((b) => b.buildingId)).toEqual(['tall', 'mid']);
    expect(out[0]).toMatchObject({ excessM: 49, floorsAbove: 17, limitM: 550, roofM: 599 });
    expect(out[1]).toMatchObject({ excessM: 10, floorsAbove: 4 });
  });

  it('checks an inclined plane at each corner (an approach surface rising 2 % to the east)', () => {
    const limit = { kind: 'plane' as const, originM: [0, 0] as [number, number], heightM: 520, slopeEast: 0.02, slopeNorth: 0 };
    const out = buildingsAboveLimit(syntheticScene(buildings), buildings, limit);
    // low: roof 524 > 520 at its west corners; tall: 599 > 522; mid: 560 > 524.
    expect(out.map((b) => b.buildingId).sort()).toEqual(['low', 'mid', 'tall']);
    const low = out.find((b) => b.buildingId === 'low')!;
    expect(low.limitM).toBe(520);
    expect(low.limitAtVerticesM).toEqual([520, 520.4, 520.4, 520]);
  });

  it('reads zones from GeoJSON and applies the lowest zone over a building', () => {
    const frame = new LocalFrame(104.06, 30.66);
    const ring = (x0: number, x1: number) => [[x0, -50], [x1, -50], [x1, 50], [x0, 50], [x0, -50]].map(([x, y]) => frame.toLonLat(x, y));
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { maxHeightM: 100 }, geometry: { type: 'Polygon', coordinates: [ring(-50, 150)] } },
      { type: 'Feature', properties: { maxHeightM: 30, name: 'heritage' }, geometry: { type: 'Polygon', coordinates: [ring(90, 300)] } },
    ] };
    const out = buildingsAboveLimit(syntheticScene(buildings), buildings, heightLimitZonesFromGeoJson(fc, frame, 'limits.geojson'));
    expect(out.map((b) => [b.buildingId, b.excessM])).toEqual([['tall', 69], ['mid', 30]]);
    expect(() => heightLimitZonesFromGeoJson({ features: [{ properties: {}, geometry: { type: 'Polygon', coordinates: [] } }] }, frame, 'limits.geojson'))
      .toThrow('limits.geojson: features[0].properties.maxHeightM: expected a number >= 0 (m), got undefined');
  });
});

describe('skyline', () => {
  it('puts a tower on the skyline at its azimuth and elevation angle', () => {
    const scene = syntheticScene([boxBuilding('tower', -10, 90, 10, 110, 100)]);
    const p = skyline(scene, { eyeM: [0, 0, 501.6], fromDeg: -20, toDeg: 20, stepDeg: 1, maxDistM: 400 });
    const north = p.azimuthDeg.findIndex((a) => a === 0);
    expect(p.prism[north]).toBe(0);
    expect(p.distanceM[north]).toBeCloseTo(90, 6);
    expect(p.elevationDeg[north]).toBeCloseTo((Math.atan2(98.4, 90) * 180) / Math.PI, 4);
    expect(p.prism[0]).toBe(-1); // -20 deg misses the tower
  });

  it('reports how a proposed tower raises the skyline', () => {
    const before = skyline(syntheticScene([]), { eyeM: [0, 0, 501.6], stepDeg: 1, maxDistM: 400 });
    const after = skyline(syntheticScene([boxBuilding('new', 90, -10, 110, 10, 60)]), { eyeM: [0, 0, 501.6], stepDeg: 1, maxDistM: 400 });
    const c = compareSkylines(before, after);
    expect(c.maxRiseAtDeg).toBe(90);
    // The rise is the tower's angle (58.4 m up, 90 m away) over the flat horizon seen before (just below 0 deg).
    const east = before.azimuthDeg.indexOf(90);
    expect(after.elevationDeg[east]).toBeCloseTo((Math.atan2(58.4, 90) * 180) / Math.PI, 4);
    expect(c.maxRiseDeg).toBeCloseTo(after.elevationDeg[east] - before.elevationDeg[east], 2);
    expect(c.changedShare).toBeGreaterThan(0);
    expect(c.changedShare).toBeLessThan(0.05);
  });
});
