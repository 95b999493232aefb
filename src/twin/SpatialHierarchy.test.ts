import { describe, expect, it } from 'vitest';
import type { BuildingRecord } from './BuildingRecord';
import { generateDemoCity } from '../pipeline/demo-city/generateDemoCity';
import { AddressRegistry } from './AddressRegistry';
import { SpatialHierarchy } from './SpatialHierarchy';

const city = generateDemoCity();
const registry = new AddressRegistry(city.buildings, 3);
const h = new SpatialHierarchy(city.buildings, registry, city.units);

describe('SpatialHierarchy', () => {
  it('counts the demo city from the top: 5 districts, 36 streets, 324 communities, 1296 grid cells', () => {
    expect(h.root.id).toBe('510100');
    expect(h.children(h.root.id).map((u) => u.level)).toEqual(Array(5).fill('district'));
    const t = h.totals(h.root.id);
    expect(t.units).toEqual({ district: 5, street: 36, community: 324, grid: 1296 });
    expect(t.buildings).toBe(city.buildings.length);
    expect(t.people).toBe(city.buildings.reduce((s, b) => s + b.population, 0));
    expect(t.floors).toBe(city.buildings.reduce((s, b) => s + b.floors, 0));
  });

  it('sums children to their parent at every level', () => {
    for (const id of [h.root.id, '510104', h.children('510104')[0].id]) {
      const kids = h.children(id).map((k) => h.totals(k.id));
      const parent = h.totals(id);
      for (const key of ['people', 'households', 'companies', 'events', 'devices', 'buildings', 'floors'] as const) {
        expect(kids.reduce((s, k) => s + k[key], 0), `${id} ${key}`).toBe(parent[key]);
      }
    }
  });

  it('drills from the city to a floor and back up', () => {
    const b = city.buildings[1234];
    const path = h.ancestors(`${b.id}/F2`);
    expect(path.map((n) => n.level)).toEqual(['city', 'district', 'street', 'community', 'grid', 'building', 'floor']);
    expect(path.map((n) => n.id).slice(1, 5)).toEqual([b.districtId, b.streetId, b.communityId, b.gridId]);
    expect(h.children(b.gridId).map((n) => n.id)).toContain(b.id);
    const floors = h.children(b.id);
    expect(floors).toHaveLength(b.floors);
    expect(h.parent(floors[0].id)?.id).toBe(b.id);
    expect(h.children(floors[0].id)).toEqual([]);
    expect(floors.reduce((s, f) => s + h.totals(f.id).people, 0)).toBe(registry.people[1234]);
    expect(h.node(`${b.id}/F${b.floors + 1}`)).toBeUndefined();
  });

  it('derives units from building ids when none are given, and names unknown ids in errors', () => {
    const mk = (id: string, gridId: string): BuildingRecord => ({
      id, footprint: [[0, 0], [1, 0], [1, 1]], heightM: 6, floors: 2, use: 'residential', addressId: '', address: '', addressPinyin: '',
      population: 10, districtId: '', streetId: '', communityId: '', gridId,
    });
    const bs = [mk('x', 'G0_0'), mk('y', 'G0_0'), mk('z', '')];
    const d = new SpatialHierarchy(bs, new AddressRegistry(bs), []);
    expect(d.root.id).toBe('city');
    expect(d.children('city').map((n) => n.id).sort()).toEqual(['G0_0', 'z']);
    expect(d.totals('G0_0')).toMatchObject({ buildings: 2, people: 20, floors: 4 });
    expect(() => d.children('nope')).toThrow(/unknown unit id "nope"/);
    expect(() => d.totals('nope')).toThrow(/unknown unit id "nope"/);
    expect(d.ancestors('nope')).toEqual([]);
  });
});
