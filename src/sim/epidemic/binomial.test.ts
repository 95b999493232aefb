import { describe, expect, it } from 'vitest';
import { binomial } from './binomial';
import { SeededRandom } from './SeededRandom';

function moments(n: number, p: number, draws: number, seed: number): { mean: number; variance: number; min: number; max: number } {
  const rng = new SeededRandom(seed);
  let s = 0, s2 = 0, min = Infinity, max = -Infinity;
  for (let k = 0; k < draws; k++) {
    const x = binomial(rng, n, p);
    s += x; s2 += x * x; min = Math.min(min, x); max = Math.max(max, x);
  }
  const mean = s / draws;
  return { mean, variance: s2 / draws - mean * mean, min, max };
}

describe('binomial', () => {
  it.each([[10, 0.05], [30, 0.5], [500, 0.01], [1000, 0.3], [5000, 0.9], [200000, 0.002]])(
    'has the mean and variance of Binomial(%i, %f)',
    (n, p) => {
      const draws = 20000, m = moments(n, p, draws, n + 17), v = n * p * (1 - p);
      // Mean within 4 standard errors; variance within 6 % (its standard error here is about 1 %).
      expect(Math.abs(m.mean - n * p)).toBeLessThan(4 * Math.sqrt(v / draws));
      expect(Math.abs(m.variance / v - 1)).toBeLessThan(0.06);
      expect(m.min).toBeGreaterThanOrEqual(0);
      expect(m.max).toBeLessThanOrEqual(n);
    },
  );

  it('returns integers and handles the edges', () => {
    const rng = new SeededRandom(3);
    expect(binomial(rng, 0, 0.5)).toBe(0);
    expect(binomial(rng, 100, 0)).toBe(0);
    expect(binomial(rng, 100, 1)).toBe(100);
    for (let k = 0; k < 100; k++) expect(Number.isInteger(binomial(rng, 777, 0.37))).toBe(true);
  });

  it('replays the same draws for the same seed', () => {
    const a = new SeededRandom(42), b = new SeededRandom(42), c = new SeededRandom(43);
    const xs = Array.from({ length: 50 }, () => binomial(a, 1234, 0.2));
    expect(Array.from({ length: 50 }, () => binomial(b, 1234, 0.2))).toEqual(xs);
    expect(Array.from({ length: 50 }, () => binomial(c, 1234, 0.2))).not.toEqual(xs);
  });
});
