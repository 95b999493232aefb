import { describe, expect, it } from 'vitest';
import { inScope, parseScope, scopeDimming } from './unitScope';

describe('unit scope (tier views)', () => {
  const b = [{ districtId: 'D1', streetId: 'S1' }, { districtId: 'D1', streetId: 'S2' }, { districtId: 'D2', streetId: 'S3' }];
  it('reads the URL and refuses what it cannot show, naming the parameter', () => {
    expect(parseScope(null, null)).toBeNull();
    expect(parseScope('city', 'X')).toBeNull();
    expect(parseScope('street', 'S1')).toEqual({ tier: 'street', unitId: 'S1' });
    expect(() => parseScope('grid', 'G1')).toThrow(/"tier" must be city, district or street \(got 'grid'\)/);
    expect(() => parseScope('district', null)).toThrow(/"unit" must name the district/);
  });
  it('keeps a district or a street and dims the rest', () => {
    expect(b.map((x) => inScope(x, { tier: 'district', unitId: 'D1' }))).toEqual([true, true, false]);
    const d = scopeDimming(b, { tier: 'street', unitId: 'S2' });
    expect(d.inside).toBe(1);
    expect([d.rgba[3], d.rgba[7], d.rgba[11]]).toEqual([200, 0, 200]);
  });
});
