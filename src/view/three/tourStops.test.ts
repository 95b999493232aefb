import { describe, expect, it } from 'vitest';
import { OverlayModel } from '../overlay/OverlayModel';
import { alertStops, districtStops, floodStop, tourStops } from './tourStops';

const square = (lon: number, lat: number, d: number) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];

describe('tourStops', () => {
  it('makes one stop per district, centred and far enough to see it', () => {
    const units = { features: [
      { properties: { id: 'c', level: 'city', name: 'City' }, geometry: { type: 'Polygon', coordinates: square(104, 30.6, 0.1) } },
      { properties: { id: 'd1', level: 'district', name: '金牛区', namePinyin: 'Jinniu' }, geometry: { type: 'Polygon', coordinates: square(104, 30.6, 0.04) } },
      { properties: { id: 'g1', level: 'grid', name: 'cell' }, geometry: { type: 'Polygon', coordinates: square(104, 30.6, 0.001) } },
    ] };
    const stops = districtStops(units);
    expect(stops).toHaveLength(1);
    expect(stops[0].name).toBe('金牛区 Jinniu');
    expect(stops[0].lonDeg).toBeCloseTo(104.02, 6);
    expect(stops[0].latDeg).toBeCloseTo(30.62, 6);
    // A 0.04-degree square is about 3.8 x 4.5 km: the range covers its diagonal.
    expect(stops[0].rangeM).toBeGreaterThan(5000);
    expect(stops[0].rangeM).toBeLessThan(6500);
  });

  it('visits the points flagged as alerts, after the city and the districts', () => {
    const m = new OverlayModel();
    m.set('sensors', { kind: 'points', points: [
      { id: 's1', lonDeg: 104.05, latDeg: 30.65, color: '#0ff', sizePx: 6 },
      { id: 's2', lonDeg: 104.07, latDeg: 30.67, color: '#f00', sizePx: 10, alert: true, pulsing: true, title: 'Water level 3.2 m' },
    ] });
    expect(alertStops(m).map((s) => s.name)).toEqual(['Water level 3.2 m']);
    const city = { name: 'City', kind: 'city' as const, lonDeg: 104.06, latDeg: 30.66, rangeM: 9000, headingRad: 0, pitchRad: -0.6 };
    expect(tourStops(city, [], m).map((s) => s.kind)).toEqual(['city', 'alert']);
  });

  it('looks at a flood run from far enough to see its grid, right after the city', () => {
    // A 1 km square (200 x 200 cells of 5 m) whose centre is 1,500 m west and 1,100 m north of the origin.
    const grid = { originLonDeg: 104.06, originLatDeg: 30.66, xMinM: -2000, yMinM: 600, cellSizeM: 5, width: 200, height: 200 };
    const stop = floodStop(grid, 'Flood · 180 mm/h');
    expect(stop.kind).toBe('flood');
    expect(stop.lonDeg).toBeCloseTo(104.06 - 1500 / (111_320 * Math.cos(30.66 * Math.PI / 180)), 4);
    expect(stop.latDeg).toBeCloseTo(30.66 + 1100 / 111_320, 4);
    expect(stop.rangeM).toBeGreaterThan(1414);
    expect(stop.rangeM).toBeLessThan(2000);
    const city = { name: 'City', kind: 'city' as const, lonDeg: 104.06, latDeg: 30.66, rangeM: 9000, headingRad: 0, pitchRad: -0.6 };
    const district = { ...city, name: 'D', kind: 'district' as const };
    expect(tourStops(city, [district], new OverlayModel(), [stop]).map((s) => s.kind)).toEqual(['city', 'flood', 'district']);
  });
});
