import { describe, expect, it } from 'vitest';
import { parseLengthM, parseLevels } from './parseMeasure';

describe('parseLengthM', () => {
  it('reads numbers and lengths with metric, imperial and Chinese units', () => {
    expect(parseLengthM(12)).toBe(12);
    expect(parseLengthM('12')).toBe(12);
    expect(parseLengthM('12.5 m')).toBe(12.5);
    expect(parseLengthM('12m')).toBe(12);
    expect(parseLengthM('40 ft')).toBeCloseTo(12.192, 6);
    expect(parseLengthM("40'")).toBeCloseTo(12.192, 6);
    expect(parseLengthM('40\'6"')).toBeCloseTo(12.3444, 6);
    expect(parseLengthM('15米')).toBe(15);
    expect(parseLengthM('1,200 cm')).toBe(12);
  });

  it('gives NaN for text that is not a length', () => {
    for (const bad of ['tall', '', '12 parsecs', 'm12', null, undefined, {}, NaN]) expect(parseLengthM(bad)).toBeNaN();
  });
});

describe('parseLevels', () => {
  it('reads counts, lists (largest) and counts with units', () => {
    expect(parseLevels('3')).toBe(3);
    expect(parseLevels(5)).toBe(5);
    expect(parseLevels('3;4')).toBe(4);
    expect(parseLevels('12层')).toBe(12);
    expect(parseLevels('5 floors')).toBe(5);
    expect(parseLevels('2 storeys')).toBe(2);
    expect(parseLevels('many')).toBeNaN();
    expect(parseLevels('3;x')).toBeNaN();
  });
});
