import { describe, expect, it } from 'vitest';
import { MemoryAdjustedError } from './MemoryAdjustedError';

describe('MemoryAdjustedError', () => {
  it('rises while the cache is full and tiles wait, holds between the limits, falls back to the base below the minimum', () => {
    const e = new MemoryAdjustedError(6, 4);
    for (let i = 0; i < 10; i++) e.update(100, 75, 100, true);
    expect(e.px).toBeCloseTo(6 * 1.02 ** 10, 6);
    expect(e.update(100, 75, 100, false)).toBeCloseTo(6 * 1.02 ** 10, 6);
    expect(e.update(80, 75, 100, true)).toBeCloseTo(6 * 1.02 ** 10, 6);
    for (let i = 0; i < 200; i++) e.update(100, 75, 100, true);
    expect(e.px).toBe(24);
    for (let i = 0; i < 200; i++) e.update(10, 75, 100, false);
    expect(e.px).toBe(6);
  });
});
