import { SENSOR_KIND_SPECS } from '../../signs/schema/sensorKinds';
import type { IndicatorMessage } from './IndicatorMessage';

/**
 * The city tier from the district tier of every district (each hub publishes its own districts).
 * What composes: a sum is the sum of the districts' sums; a max the max of their maxes; a mean the
 * fresh-count-weighted mean of their means (why the counts travel with the values). What would
 * not: a median or percentile, a distinct count, or anything else needing the sensors' values;
 * the kinds here use none of them. Values come rounded to 6 digits, so the combined mean agrees
 * with one hub's to ~1e-6 relative, not to the bit.
 */
export function combineDistricts(districts: readonly IndicatorMessage[], head: { cityId: string; hubId: string; cityUnitId: string; timeMs: number }): IndicatorMessage {
  const kinds = districts[0]?.kinds ?? [];
  const values: Array<Array<number | null>> = [], fresh: number[][] = [], stale: number[][] = [];
  kinds.forEach((kind, k) => {
    const agg = SENSOR_KIND_SPECS[kind].aggregation;
    let acc = 0, n = 0, st = 0, any = false;
    for (const d of districts) {
      const kk = d.kinds.indexOf(kind);
      if (kk < 0) continue;
      for (let u = 0; u < d.units.length; u++) {
        const v = d.values[kk][u], f = d.fresh[kk][u];
        st += d.stale[kk][u];
        if (v === null || f === 0) continue;
        n += f;
        if (agg === 'mean') acc += v * f;
        else if (agg === 'sum') acc += v;
        else acc = any ? Math.max(acc, v) : v;
        any = true;
      }
    }
    values.push([any ? Number((agg === 'mean' ? acc / n : acc).toPrecision(6)) : null]);
    fresh.push([n]);
    stale.push([st]);
  });
  return { v: 1, cityId: head.cityId, hubId: head.hubId, tier: 'city', districtId: null, timeMs: head.timeMs, kinds: [...kinds], units: [head.cityUnitId], values, fresh, stale };
}
