import { describe, expect, it } from 'vitest';
import { assertTimeSeries, integrate, nextBreakS, valueAt, type TimeSeries } from './TimeSeries';

const rain: TimeSeries = { timesS: [0, 600, 1200], values: [20, 80, 0], mode: 'step' };
const hydro: TimeSeries = { timesS: [100, 700], values: [10, 70], mode: 'linear' };

describe('TimeSeries', () => {
  it('holds step values over their interval, zero before the first time and the last value after', () => {
    expect([valueAt(rain, -1), valueAt(rain, 0), valueAt(rain, 599.9), valueAt(rain, 600), valueAt(rain, 5000)]).toEqual([0, 20, 20, 80, 0]);
  });

  it('interpolates linear series and names the next break', () => {
    expect(valueAt(hydro, 400)).toBeCloseTo(40, 12);
    expect(valueAt(hydro, 900)).toBe(70);
    expect([nextBreakS(hydro, 0), nextBreakS(hydro, 100), nextBreakS(hydro, 700)]).toEqual([100, 700, Infinity]);
  });

  it('integrates exactly across breaks', () => {
    expect(integrate(rain, 300, 900)).toBeCloseTo(20 * 300 + 80 * 300, 9);
    expect(integrate(hydro, 0, 1000)).toBeCloseTo(0.5 * (10 + 70) * 600 + 70 * 300, 9);
  });

  it('rejects times that do not increase, naming the entry', () => {
    expect(() => assertTimeSeries({ timesS: [0, 10, 10], values: [1, 2, 3], mode: 'step' }, 'rain')).toThrow(/rain: times must increase strictly \(entry 2\)/);
    expect(() => assertTimeSeries({ timesS: [0], values: [], mode: 'step' }, 'rain')).toThrow(/as many values as times/);
  });
});
