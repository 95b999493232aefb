import { describe, expect, it } from 'vitest';
import type { IndicatorMessage } from '../state/IndicatorMessage';
import { HubIndicatorValues } from './HubIndicatorValues';
import { HubState } from './HubState';

const message = (tier: IndicatorMessage['tier'], districtId: string | null, units: string[], water: Array<number | null>): IndicatorMessage => ({
  v: 1, cityId: 'demo', hubId: 'h1', tier, districtId, timeMs: 1, kinds: ['rainfall', 'water_level'], units,
  values: [units.map(() => 1), water], fresh: [units.map(() => 1), units.map(() => 1)], stale: [units.map(() => 0), units.map(() => 0)],
});

describe('HubIndicatorValues', () => {
  it('gives the hub\'s indicators of every tier by the page\'s unit index, NaN where none, new values at every message', () => {
    const ids = ['CITY', 'D1', 'G1', 'G2', 'G3'];
    const units = { size: ids.length, indexOf: (id: string) => ids.indexOf(id) };
    const state = new HubState('demo');
    const values = new HubIndicatorValues(state, units);
    expect([...values.valuesOfKind('water_level')].every(Number.isNaN)).toBe(true);
    state.ingest(state.topics.indicators('grid', 'D1'), JSON.stringify(message('grid', 'D1', ['G1', 'G2', 'UNKNOWN'], [0.5, null, 9])));
    state.ingest(state.topics.cityIndicators, JSON.stringify(message('city', null, ['CITY'], [0.7])));
    const v1 = values.version;
    expect(v1).toBe(2);
    const got = values.valuesOfKind('water_level');
    expect(got[0]).toBe(0.7);
    expect(got[2]).toBe(0.5);
    expect([got[1], got[3], got[4]].every(Number.isNaN)).toBe(true); // no district message; G2 without a fresh sensor; G3 in no message
    expect(values.valuesOfKind('air_quality').every(Number.isNaN)).toBe(true); // a kind no message carries
    state.ingest(state.topics.indicators('grid', 'D1'), JSON.stringify(message('grid', 'D1', ['G1', 'G2'], [0.9, 0.1])));
    expect(values.version).toBe(v1 + 1);
    expect(values.valuesOfKind('water_level')[3]).toBe(0.1);
    values.dispose();
    state.ingest(state.topics.cityIndicators, JSON.stringify(message('city', null, ['CITY'], [0.8])));
    expect(values.version).toBe(v1 + 1);
  });
});
