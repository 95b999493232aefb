import { describe, expect, it } from 'vitest';
import { cleanFootprint, isSelfIntersecting, signedArea } from './cleanFootprint';

type Ring = Array<[number, number]>;
const square: Ring = [[0, 0], [10, 0], [10, 10], [0, 10]];

describe('cleanFootprint', () => {
  it('keeps a simple ring, drops the closing vertex and makes it counter-clockwise', () => {
    const r = cleanFootprint([[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]).toHaveLength(4);
    expect(signedArea(r.parts[0])).toBeCloseTo(100, 9);
  });

  it('merges repeated vertices and removes spikes, saying so', () => {
    const r = cleanFootprint([[0, 0], [10, 0], [10, 0], [10, 10], [15, 10], [10, 10], [0, 10]]);
    expect(r.ok && r.parts[0]).toEqual(square);
    expect(r.ok && r.repairs[0]).toMatch(/removed 3 repeated\/closing vertices or spikes/);
  });

  it('splits a bow-tie into its two triangles and reports the repair', () => {
    const r = cleanFootprint([[0, 0], [10, 10], [10, 0], [0, 10]]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts).toHaveLength(2);
    for (const p of r.parts) {
      expect(isSelfIntersecting(p)).toBe(false);
      expect(signedArea(p)).toBeCloseTo(25, 6);
    }
    expect(r.repairs.join()).toMatch(/self-intersecting ring split into 2 simple part/);
  });

  it('refuses degenerate and tiny rings with a reason', () => {
    expect(cleanFootprint([[0, 0], [10, 0], [0, 0]])).toMatchObject({ ok: false, code: 'degenerate' });
    expect(cleanFootprint([[0, 0], [0.5, 0], [0.5, 0.5], [0, 0.5]])).toMatchObject({ ok: false, code: 'tiny', reason: expect.stringMatching(/0\.250 m²/) });
  });
});

describe('isSelfIntersecting', () => {
  it('finds crossings and touching edges but not adjacent ones', () => {
    expect(isSelfIntersecting(square)).toBe(false);
    expect(isSelfIntersecting([[0, 0], [10, 10], [10, 0], [0, 10]])).toBe(true);
    // A ring whose vertex touches another edge (a "pinch").
    expect(isSelfIntersecting([[0, 0], [10, 0], [10, 10], [5, 0], [0, 10]])).toBe(true);
  });
});
