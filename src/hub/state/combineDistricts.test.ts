import { describe, expect, it } from 'vitest';
import { combineDistricts } from './combineDistricts';
import type { IndicatorMessage } from './IndicatorMessage';

const district = (id: string, values: Array<number | null>, fresh: number[], stale = [0, 0, 0]): IndicatorMessage => ({
  v: 1, cityId: 'c', hubId: 'h', tier: 'district', districtId: id, timeMs: 0, kinds: ['rainfall', 'water_level', 'power_load'],
  units: [id], values: values.map((v) => [v]), fresh: fresh.map((f) => [f]), stale: stale.map((s) => [s]),
});

describe('combineDistricts', () => {
  it('weights means by fresh counts, takes the max of maxima, adds sums and stale counts', () => {
    const city = combineDistricts([district('a', [10, 3.5, 100], [1, 2, 3], [1, 0, 0]), district('b', [40, 4.25, 50], [3, 1, 1], [0, 2, 0])], { cityId: 'c', hubId: 'h', cityUnitId: 'C', timeMs: 5 });
    expect(city).toMatchObject({ tier: 'city', districtId: null, units: ['C'], timeMs: 5 });
    expect(city.values).toEqual([[(10 * 1 + 40 * 3) / 4], [4.25], [150]]);
    expect(city.fresh).toEqual([[4], [3], [4]]);
    expect(city.stale).toEqual([[1], [2], [0]]);
  });

  it('leaves a kind without any fresh sensor empty (null), and ignores districts without it', () => {
    const city = combineDistricts([district('a', [null, 2, null], [0, 1, 0])], { cityId: 'c', hubId: 'h', cityUnitId: 'C', timeMs: 0 });
    expect(city.values).toEqual([[null], [2], [null]]);
  });
});
