import { describe, expect, it } from 'vitest';
import { AdaptiveResolution } from './AdaptiveResolution';

/** A renderer whose frame time grows with the pixel count (scale squared). */
function run(ar: AdaptiveResolution, fullScaleMs: number, frames: number): number[] {
  const scales: number[] = [];
  for (let i = 0; i < frames; i++) {
    ar.sample(fullScaleMs * ar.scale * ar.scale);
    scales.push(ar.scale);
  }
  return scales;
}

describe('AdaptiveResolution', () => {
  it('scales down until the frame budget holds, then stays', () => {
    const ar = new AdaptiveResolution({ budgetMs: 33, minScale: 0.25 });
    const scales = run(ar, 150, 600);
    const final = scales.at(-1)!;
    expect(150 * final * final).toBeLessThanOrEqual(33 * 1.15);
    expect(150 * final * final).toBeGreaterThan(33 * 0.6);
    // Settled: no change over the last 300 frames.
    expect(new Set(scales.slice(-300)).size).toBe(1);
  });

  it('scales back up when frames get cheap, without passing the maximum', () => {
    const ar = new AdaptiveResolution({ budgetMs: 33, maxScale: 1.5 });
    run(ar, 200, 400);
    const low = ar.scale;
    expect(low).toBeLessThan(0.7);
    run(ar, 5, 800);
    expect(ar.scale).toBe(1.5);
  });

  it('does not oscillate on a renderer just inside the hysteresis band', () => {
    const ar = new AdaptiveResolution({ budgetMs: 33 });
    run(ar, 30, 1000);
    expect(ar.changes).toBe(0);
    expect(ar.scale).toBe(1);
  });

  it('decides within a few frames when each frame takes seconds (a 7680 x 2160 wall on a slow GPU)', () => {
    const ar = new AdaptiveResolution({ budgetMs: 33 });
    const scales = run(ar, 1500, 6);
    expect(scales.at(-1)).toBeLessThan(0.5);
    expect(ar.changes).toBe(1);
  });

  it('holds the minimum when even that is too slow, and refuses bad options', () => {
    const ar = new AdaptiveResolution({ budgetMs: 16, minScale: 0.5 });
    run(ar, 1000, 400);
    expect(ar.scale).toBe(0.5);
    expect(() => new AdaptiveResolution({ budgetMs: 0 })).toThrow(/budgetMs must be > 0/);
    expect(() => new AdaptiveResolution({ minScale: 2, maxScale: 1 })).toThrow(/minScale <= maxScale/);
  });
});
