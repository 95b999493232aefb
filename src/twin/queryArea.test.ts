import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../pipeline/demo-city/generateDemoCity';
import { areaBuildingsCsv, areaSummaryCsv, areaSummaryTable } from './areaSummary';
import { pointInRing } from './BuildingGrid';
import { CityTwin } from './CityTwin';
import { queryArea, type SensorPoint } from './queryArea';

const city = generateDemoCity();
const twin = new CityTwin({ frame: city.frame, buildings: city.buildings, units: city.units, seed: 11 });
const centroid = (i: number) => {
  const f = city.buildings[i].footprint;
  return [f.reduce((s, p) => s + p[0], 0) / f.length, f.reduce((s, p) => s + p[1], 0) / f.length];
};
const lonLat = (x: number, y: number) => city.frame.toLonLat(x, y);

describe('queryArea', () => {
  it('finds exactly the buildings whose centroid is in a circle, with their registry counts', () => {
    const r = queryArea(twin, { type: 'circle', centerLonLat: lonLat(1200, -800), radiusM: 600 });
    const brute = city.buildings.map((_, i) => i).filter((i) => { const [x, y] = centroid(i); return Math.hypot(x - 1200, y + 800) <= 600; });
    expect(r.buildingIndices).toEqual(brute);
    expect(r.totals.buildings).toBe(brute.length);
    expect(r.totals.people).toBe(brute.reduce((s, i) => s + twin.registry.people[i], 0));
    expect(r.totals.events).toBe(brute.reduce((s, i) => s + twin.registry.events[i], 0));
    expect(r.areaM2).toBeCloseTo(Math.PI * 600 * 600, 6);
  });

  it('finds the buildings of a polygon and splits them over every unit level', () => {
    const ringPlane: Array<[number, number]> = [[-900, -400], [700, -600], [900, 500], [-300, 900], [-900, -400]];
    const r = queryArea(twin, { type: 'polygon', ringLonLat: ringPlane.map(([x, y]) => lonLat(x, y)) });
    const brute = city.buildings.map((_, i) => i).filter((i) => pointInRing(centroid(i)[0], centroid(i)[1], ringPlane));
    expect(r.buildingIds).toEqual(brute.map((i) => city.buildings[i].id));
    for (const level of ['district', 'street', 'community', 'grid'] as const) {
      const rows = r.units.filter((u) => u.level === level);
      expect(rows.reduce((s, u) => s + u.buildings, 0), level).toBe(r.totals.buildings);
      expect(rows.reduce((s, u) => s + u.people, 0), level).toBe(r.totals.people);
      for (const u of rows) expect(u.coverage).toBeGreaterThan(0), expect(u.coverage).toBeLessThanOrEqual(1);
    }
    expect(r.units.some((u) => u.level === 'grid' && u.coverage === 1)).toBe(true);
  });

  it('counts the sensors inside and attributes them to the units they stand in', () => {
    const [bx, by] = centroid(100);
    const sensors: SensorPoint[] = [
      { id: 'in-building', lonLat: lonLat(bx, by) as [number, number] },
      { id: 'in-park', lonLat: lonLat(bx + 3, by + 3) as [number, number] },
      { id: 'far', lonLat: lonLat(bx + 3000, by) as [number, number] },
    ];
    const r = queryArea(twin, { type: 'circle', centerLonLat: lonLat(bx, by), radiusM: 100 }, sensors);
    expect(r.sensorIds).toEqual(['in-building', 'in-park']);
    expect(r.totals.sensors).toBe(2);
    const grid = r.units.find((u) => u.unitId === city.buildings[100].gridId)!;
    expect(grid.sensors).toBe(2);
    expect(r.units.filter((u) => u.level === 'district').reduce((s, u) => s + u.sensors, 0)).toBe(2);
  });

  it('refuses shapes without area, naming the field', () => {
    expect(() => queryArea(twin, { type: 'circle', centerLonLat: [104.06, 30.66], radiusM: 0 })).toThrow(/radiusM must be > 0/);
    expect(() => queryArea(twin, { type: 'polygon', ringLonLat: [[104.06, 30.66], [104.07, 30.66]] })).toThrow(/ringLonLat needs at least 3/);
  });
});

describe('areaSummaryTable', () => {
  it('gives one row per unit of the level plus a TOTAL row, and the same as CSV', () => {
    const r = queryArea(twin, { type: 'circle', centerLonLat: [104.06, 30.66], radiusM: 1000 });
    const t = areaSummaryTable(r, 'street');
    expect(t.columns).toEqual(['unitId', 'level', 'name', 'buildings', 'people', 'households', 'companies', 'events', 'devices', 'sensors', 'coveragePct']);
    expect(t.rows.length).toBe(r.units.filter((u) => u.level === 'street').length + 1);
    expect(t.rows[t.rows.length - 1]).toMatchObject({ unitId: 'TOTAL', buildings: r.totals.buildings, people: r.totals.people });
    const csv = areaSummaryCsv(r, 'street');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(t.columns.join(','));
    expect(lines).toHaveLength(t.rows.length + 1);
    expect(lines[1]).toContain('街道');
    expect(areaSummaryCsv(r, 'street', true).startsWith('\ufeff')).toBe(true);
    const perBuilding = areaBuildingsCsv(twin, r).trimEnd().split('\r\n');
    expect(perBuilding).toHaveLength(r.totals.buildings + 1);
    expect(perBuilding[1].split(',')[0]).toBe(r.buildingIds[0]);
  });
});
