import { describe, expect, it } from 'vitest';
import { Staleness } from './Staleness';

describe('Staleness', () => {
  it('marks a sensor stale after factor x its interval of silence and fresh again when heard', () => {
    const st = new Staleness([10_000, 60_000], 3, 0);
    st.seen(0, 1000);
    st.seen(1, 1000);
    const stale: number[] = [], fresh: number[] = [];
    expect(st.update(31_000, stale, fresh)).toBe(0);
    expect(st.update(31_001, stale, fresh)).toBe(1);
    expect(stale).toEqual([0]);
    expect(st.isStale(1, 31_001)).toBe(false);
    st.seen(0, 40_000);
    expect(st.update(40_000, stale, fresh)).toBe(0);
    expect(fresh).toEqual([0]);
    expect(st.update(181_001)).toBe(2);
    expect(st.count).toBe(2);
  });

  it('counts a sensor never heard from as stale once the grace period has passed', () => {
    const st = new Staleness([10_000], 2, 5000);
    expect(st.update(25_000)).toBe(0);
    expect(st.update(25_001)).toBe(1);
  });
});
