import { describe, expect, it } from 'vitest';
import { PUSH_APPENDED, PUSH_DUPLICATE, PUSH_INSERTED, PUSH_TOO_OLD, SensorRingBuffers } from './SensorRingBuffers';

function contents(b: SensorRingBuffers, s: number): number[] {
  const t = new Float64Array(100), v = new Float32Array(100);
  const n = b.copyRange(s, -Infinity, Infinity, t, v);
  return Array.from(t.subarray(0, n));
}

describe('SensorRingBuffers', () => {
  it('wraps around at capacity, keeping the newest samples in time order', () => {
    const b = new SensorRingBuffers([4, 3]);
    for (let i = 1; i <= 10; i++) expect(b.push(0, i * 1000, i)).toBe(PUSH_APPENDED);
    b.push(1, 5, 50);
    expect(contents(b, 0)).toEqual([7000, 8000, 9000, 10000]);
    expect(b.counts[0]).toBe(4);
    expect(b.latestValue(0)).toBe(10);
    expect(b.latestTimeMs(0)).toBe(10000);
    expect(contents(b, 1)).toEqual([5]);
    expect(b.latestValue(1)).toBe(50);
  });

  it('keeps sensors apart in the shared arrays', () => {
    const b = new SensorRingBuffers([3, 3, 3]);
    for (let i = 0; i < 7; i++) for (let s = 0; s < 3; s++) b.push(s, i, s * 100 + i);
    for (let s = 0; s < 3; s++) {
      const t = new Float64Array(3), v = new Float32Array(3);
      b.copyRange(s, -Infinity, Infinity, t, v);
      expect(Array.from(v)).toEqual([s * 100 + 4, s * 100 + 5, s * 100 + 6]);
    }
  });

  it('inserts a late sample in place, also across the wrap point', () => {
    const b = new SensorRingBuffers([5]);
    for (const t of [10, 20, 30, 40, 50, 60]) b.push(0, t, t);
    expect(contents(b, 0)).toEqual([20, 30, 40, 50, 60]);
    expect(b.push(0, 45, 45)).toBe(PUSH_INSERTED);
    expect(contents(b, 0)).toEqual([30, 40, 45, 50, 60]);
    expect(b.push(0, 35, 35)).toBe(PUSH_INSERTED);
    expect(contents(b, 0)).toEqual([35, 40, 45, 50, 60]);
    expect(b.latestValue(0)).toBe(60);
  });

  it('refuses a repeated time and a sample older than a full buffer', () => {
    const b = new SensorRingBuffers([3]);
    b.push(0, 10, 1);
    expect(b.push(0, 10, 1)).toBe(PUSH_DUPLICATE);
    b.push(0, 20, 2);
    expect(b.push(0, 5, 0)).toBe(PUSH_INSERTED);
    expect(b.push(0, 1, 0)).toBe(PUSH_TOO_OLD);
    expect(b.push(0, 20, 2)).toBe(PUSH_DUPLICATE);
    expect(contents(b, 0)).toEqual([5, 10, 20]);
  });

  it('finds the start of a time window', () => {
    const b = new SensorRingBuffers([8]);
    for (let t = 0; t <= 100; t += 10) b.push(0, t, t);
    const k = b.oldestSince(0, 65);
    expect(b.timesMs[b.slot(0, k)]).toBe(70);
    expect(b.oldestSince(0, 101)).toBe(-1);
  });

  it('rejects capacities below 2', () => {
    expect(() => new SensorRingBuffers([3, 1])).toThrow(/capacities\[1\]: expected an integer >= 2, got 1/);
  });
});
