import { describe, expect, it } from 'vitest';
import { sameLayerData } from './sameLayerData';

describe('sameLayerData', () => {
  it('compares plain data by value, typed arrays element by element, NaN as NaN', () => {
    expect(sameLayerData({ a: [1, 'x', null, { b: true }] }, { a: [1, 'x', null, { b: true }] })).toBe(true);
    expect(sameLayerData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameLayerData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameLayerData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameLayerData(new Float32Array([1, Number.NaN]), new Float32Array([1, Number.NaN]))).toBe(true);
    expect(sameLayerData(new Float32Array([1, 2]), new Float32Array([1, 2.5]))).toBe(false);
    expect(sameLayerData(new Float32Array([1]), new Float64Array([1]))).toBe(false);
    expect(sameLayerData(new Float32Array([1]), [1])).toBe(false);
    expect(sameLayerData(Number.NaN, Number.NaN)).toBe(true);
    expect(sameLayerData(0, -0)).toBe(true);
    expect(sameLayerData('1', 1)).toBe(false);
    expect(sameLayerData(new Map(), new Map())).toBe(false); // not layer data
  });

  it('never calls the same object the same data: it may have been refilled in place', () => {
    const rgba = new Uint8Array([1, 2, 3, 255]);
    expect(sameLayerData({ kind: 'buildingColors', rgba }, { kind: 'buildingColors', rgba })).toBe(false);
    const points = [{ id: 'a' }];
    expect(sameLayerData({ points }, { points })).toBe(false);
    expect(sameLayerData({ points }, { points: [{ id: 'a' }] })).toBe(true);
  });
});
