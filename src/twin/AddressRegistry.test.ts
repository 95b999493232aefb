import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../pipeline/demo-city/generateDemoCity';
import { AddressRegistry } from './AddressRegistry';

const city = generateDemoCity();
const registry = new AddressRegistry(city.buildings, 7);

describe('AddressRegistry', () => {
  it('holds every address id of the demo city with the building population as its people', () => {
    expect(registry.size).toBe(new Set(city.buildings.map((b) => b.addressId)).size);
    const b = city.buildings[500];
    const rec = registry.record(b.addressId)!;
    expect(rec).toMatchObject({ addressId: b.addressId, address: b.address, addressPinyin: b.addressPinyin, buildingIds: [b.id], people: b.population });
    expect(registry.record('nope')).toBeUndefined();
  });

  it('generates the same counts and entities for the same seed, others for another seed', () => {
    const again = new AddressRegistry(city.buildings, 7), other = new AddressRegistry(city.buildings, 8);
    expect(Array.from(again.events)).toEqual(Array.from(registry.events));
    expect(Array.from(other.events)).not.toEqual(Array.from(registry.events));
    const id = city.buildings[42].addressId;
    expect(again.entities(id)).toEqual(registry.entities(id));
  });

  it('backs each count with entity records (households sum to the residents)', () => {
    for (const b of city.buildings.filter((_, i) => i % 1500 === 0)) {
      const rec = registry.record(b.addressId)!;
      const all = registry.entities(b.addressId);
      for (const [kind, field] of [['household', 'households'], ['company', 'companies'], ['event', 'events'], ['device', 'devices']] as const) {
        expect(all.filter((e) => e.kind === kind).length, `${b.id} ${kind}`).toBe(rec[field]);
      }
      if (rec.households > 0) {
        expect(registry.entities(b.addressId, 'household').reduce((s, e) => s + Number(e.attributes.members), 0)).toBe(rec.people);
      }
    }
    const totalPeople = city.buildings.reduce((s, b) => s + b.population, 0);
    const households = registry.households.reduce((s, v) => s + v, 0);
    expect(totalPeople / households).toBeGreaterThan(2.62); // residents / households, plus non-residential people
  });

  it('links outside entities to an address, counting them, and refuses unknown addresses', () => {
    const b = city.buildings[7];
    const i = registry.buildingIndex(b.id);
    const before = registry.devices[i];
    const linked = registry.link({ id: 'S-water-1', kind: 'device', addressId: b.addressId, name: 'water level sensor', attributes: { type: 'water-level' } });
    expect(linked.buildingId).toBe(b.id);
    expect(registry.devices[i]).toBe(before + 1);
    expect(registry.entities(b.addressId, 'device').map((e) => e.id)).toContain('S-water-1');
    expect(() => registry.link({ id: 'x', kind: 'event', addressId: 'nope', name: '', attributes: {} })).toThrow(/addressId "nope" is not a standard address/);
    expect(() => registry.link({ id: 'x', kind: 'event', addressId: b.addressId, buildingId: city.buildings[8].id, name: '', attributes: {} })).toThrow(/is not at address/);
    expect(() => registry.entities('nope')).toThrow(/unknown addressId "nope"/);
  });
});
