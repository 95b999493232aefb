import { describe, expect, it } from 'vitest';
import { bd09ToGcj02, gcj02ToBd09 } from './bd09';

function distanceM(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  return Math.hypot((a[0] - b[0]) * 111320 * Math.cos(lat), (a[1] - b[1]) * 110574);
}

// Published outputs of coordtransform (github.com/wandergis/coordtransform, test/app.js "result"
// block; the same vectors pin hutool's CoordinateUtilTest) for the input (116.404, 39.915) near
// Tiananmen, Beijing, [lon, lat]. (eviltransform's BD-09 vectors are not used: they were made with
// an early version that multiplied by pi instead of pi * 3000 / 180 and differ by ~40 m.)
const COORDTRANSFORM_INPUT = [116.404, 39.915];
const COORDTRANSFORM = {
  bd09togcj02: [116.39762729119315, 39.90865673957631],
  gcj02tobd09: [116.41036949371029, 39.92133699351021],
};

describe('gcj02ToBd09', () => {
  it('matches the coordtransform vector at Tiananmen', () => {
    const b = gcj02ToBd09(COORDTRANSFORM_INPUT[0], COORDTRANSFORM_INPUT[1]);
    expect(b[0]).toBeCloseTo(COORDTRANSFORM.gcj02tobd09[0], 12);
    expect(b[1]).toBeCloseTo(COORDTRANSFORM.gcj02tobd09[1], 12);
  });

  it('matches the Beijing railway station pair published with geoChina', () => {
    // R package geoChina (github.com/caijun/geoChina), man/bd2gcj.Rd example, 5 decimals:
    // GCJ-02 (39.90245, 116.42703), BD-09 (39.90851, 116.43351) as (lat, lon).
    const b = gcj02ToBd09(116.42703, 39.90245);
    expect(Math.abs(b[0] - 116.43351)).toBeLessThan(1e-5);
    expect(Math.abs(b[1] - 39.90851)).toBeLessThan(1e-5);
    const g = bd09ToGcj02(116.43351, 39.90851);
    expect(Math.abs(g[0] - 116.42703)).toBeLessThan(1e-5);
    expect(Math.abs(g[1] - 39.90245)).toBeLessThan(1e-5);
  });
});

describe('bd09ToGcj02', () => {
  it('agrees with the published closed form (coordtransform) to its ~5 cm inexactness', () => {
    const g = bd09ToGcj02(COORDTRANSFORM_INPUT[0], COORDTRANSFORM_INPUT[1]);
    expect(distanceM(g, COORDTRANSFORM.bd09togcj02)).toBeLessThan(0.1);
  });

  it('round-trips GCJ-02 -> BD-09 -> GCJ-02 to the centimetre across China', () => {
    let worst = 0;
    for (let lon = 74; lon <= 135; lon += 1.7) {
      for (let lat = 18; lat <= 53; lat += 1.3) {
        const back = bd09ToGcj02(...(gcj02ToBd09(lon, lat) as [number, number]));
        worst = Math.max(worst, distanceM(back, [lon, lat]));
      }
    }
    expect(worst).toBeLessThan(0.01);
  });
});
