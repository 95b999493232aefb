import { describe, expect, it } from 'vitest';
import { cleanFootprint } from './cleanFootprint';
import { ringSimplicity } from './ringSimplicity';

type Ring = Array<[number, number]>;

/** A circle of n vertices 2 cm apart (plane m). */
const circle = (n: number): Ring => {
  const r = (n * 0.02) / (2 * Math.PI);
  return Array.from({ length: n }, (_, i) => [r * Math.cos((2 * Math.PI * i) / n), r * Math.sin((2 * Math.PI * i) / n)]);
};

describe('ringSimplicity', () => {
  it('agrees with the all-pairs test on small rings: crossings, touches, collinear overlaps, adjacency', () => {
    expect(ringSimplicity([[0, 0], [10, 0], [10, 10], [0, 10]])).toBe('simple');
    expect(ringSimplicity([[0, 0], [10, 10], [10, 0], [0, 10]])).toBe('self-intersecting');
    expect(ringSimplicity([[0, 0], [10, 0], [10, 10], [5, 0], [0, 10]])).toBe('self-intersecting'); // a vertex on an edge
    expect(ringSimplicity([[0, 0], [10, 0], [10, 5], [2, 0], [0, 5]])).toBe('self-intersecting'); // collinear overlap on y = 0
    expect(ringSimplicity([[0, 0], [5, 0], [10, 0], [10, 10]])).toBe('simple'); // collinear but adjacent
    expect(ringSimplicity([[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10]])).toBe('simple');
    expect(ringSimplicity([[0, 0], [10, 0], [10, 10], [0, 10], [0, 5], [0, 5.5]])).toBe('self-intersecting'); // doubles back along x = 0
  });

  it('checks a 10^6-vertex ring in seconds (the all-pairs check took 4.7 s at 5,000 and never ended at 10^6)', () => {
    const ring = circle(1_000_000);
    let t = performance.now();
    expect(ringSimplicity(ring)).toBe('simple');
    expect(performance.now() - t).toBeLessThan(5000);
    [ring[1000], ring[1001]] = [ring[1001], ring[1000]]; // one crossing
    t = performance.now();
    expect(ringSimplicity(ring)).toBe('self-intersecting');
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('gives up past its budget of edge pairs on a comb of long diagonal teeth whose boxes all overlap', () => {
    const comb: Ring = [];
    for (let k = 0; k < 200; k++) comb.push([0, 2 * k], [100, 100 + 2 * k], [100, 101 + 2 * k], [0.5, 1.5 + 2 * k]);
    comb.push([-1, 600], [-1, 0]);
    expect(ringSimplicity(comb, 1000)).toBe('too-complex');
    expect(ringSimplicity(comb)).toBe('simple');
  });
});

describe('cleanFootprint on huge rings', () => {
  it('keeps a simple 10^5-vertex ring and refuses a self-intersecting one it would not untangle in time, saying why', () => {
    const ring = circle(100_000);
    const t = performance.now();
    const ok = cleanFootprint(ring);
    expect(ok.ok && ok.parts[0].length).toBe(100_000);
    [ring[10], ring[11]] = [ring[11], ring[10]];
    expect(cleanFootprint(ring)).toMatchObject({ ok: false, code: 'self-intersection', reason: expect.stringMatching(/100000 vertices; rings over 10000 vertices are not untangled/) });
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
