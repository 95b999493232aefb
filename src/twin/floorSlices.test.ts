import { describe, expect, it } from 'vitest';
import type { BuildingRecord } from './BuildingRecord';
import { floorSlices } from './floorSlices';

const building = (over: Partial<BuildingRecord> = {}): BuildingRecord => ({
  id: 'B1', footprint: [[0, 0], [10, 0], [10, 10], [0, 10]], heightM: 33, floors: 10, use: 'residential', addressId: 'A', address: '', addressPinyin: '',
  population: 257, districtId: '', streetId: '', communityId: '', gridId: '', ...over,
});

describe('floorSlices', () => {
  it('cuts the height into equal contiguous slices whose occupancy sums to the population', () => {
    const f = floorSlices(building());
    expect(f).toHaveLength(10);
    expect(f[0]).toMatchObject({ id: 'B1/F1', index: 1, baseM: 0, topM: 3.3 });
    expect(f[9].topM).toBe(33);
    for (let k = 1; k < f.length; k++) expect(f[k].baseM).toBe(f[k - 1].topM);
    expect(f.reduce((s, x) => s + x.occupancy, 0)).toBe(257);
  });

  it('is deterministic per building and shaped by use (shops crowd the ground floor)', () => {
    expect(floorSlices(building())).toEqual(floorSlices(building()));
    const shop = floorSlices(building({ use: 'commercial', population: 1000 }));
    expect(shop[0].occupancy).toBeGreaterThan(shop[9].occupancy * 1.5);
    const home = floorSlices(building({ population: 1000 }));
    expect(home[0].occupancy).toBeLessThan(home[5].occupancy);
    expect(floorSlices(building({ population: 3, floors: 10 })).reduce((s, x) => s + x.occupancy, 0)).toBe(3);
  });
});
