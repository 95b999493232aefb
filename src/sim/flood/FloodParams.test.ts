import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOOD_PARAMS, floodParams } from './FloodParams';

describe('floodParams', () => {
  it('fills defaults: Manning 0.03, CFL 0.6, theta 0.9, Froude cap 1, 1 mm wet/dry depth, closed sides', () => {
    const p = floodParams({ boundaries: { east: 'open' } as never });
    expect(p).toMatchObject({ manningN: 0.03, cfl: 0.6, theta: 0.9, froudeMax: 1, hMinFlowM: 1e-3, dtMaxS: 10 });
    expect(p.boundaries).toEqual({ west: 'closed', east: 'open', south: 'closed', north: 'closed' });
    expect(DEFAULT_FLOOD_PARAMS.boundaries.east).toBe('closed');
  });

  it('names the field and the expected range of a bad value', () => {
    expect(() => floodParams({ cfl: 1.5 })).toThrow('FloodParams: cfl must be in (0, 0.7] (the 2-D stability limit is 1/sqrt(2)), got 1.5');
    expect(() => floodParams({ theta: 0.2 })).toThrow(/theta must be in \[0.5, 1\]/);
    expect(() => floodParams({ froudeMax: 0 })).toThrow(/froudeMax must be > 0 \(Infinity for no cap\)/);
    expect(() => floodParams({ drainageMmPerH: -1 })).toThrow(/drainageMmPerH must be a finite number >= 0/);
    expect(() => floodParams({ rainfallMmPerH: { timesS: [0, 60], values: [10, -5], mode: 'step' } })).toThrow(/rainfallMmPerH.values must be >= 0 mm\/h/);
    expect(() => floodParams({ inflows: [{ id: 'r', cells: [], dischargeM3PerS: { timesS: [0], values: [1], mode: 'linear' } }] })).toThrow(/inflows\[0\]\.cells must be a non-empty list/);
  });
});
