import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, isOutsideChina, wgs84ToGcj02 } from './gcj02';

/** Metres between two lon/lat points, small-distance approximation (enough for cm checks). */
function distanceM(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  const dx = (a[0] - b[0]) * 111320 * Math.cos(lat), dy = (a[1] - b[1]) * 110574;
  return Math.hypot(dx, dy);
}

// Published test vectors of eviltransform (github.com/googollee/eviltransform, python/test.py and
// go/transform_test.go, "TESTS"): [wgsLat, wgsLng, gcjLat, gcjLng].
const EVILTRANSFORM = [
  [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215], // Shanghai
  [22.543847, 113.912316, 22.540796131694766, 113.9171764808363], // Shenzhen
  [39.911954, 116.377817, 39.91334545536069, 116.38404722455657], // Beijing
];

// Published outputs of coordtransform (github.com/wandergis/coordtransform, test/app.js "result"
// block; the same vectors pin hutool's CoordinateUtilTest), all for the input (116.404, 39.915)
// near Tiananmen, Beijing, in [lon, lat].
const COORDTRANSFORM_INPUT = [116.404, 39.915];
const COORDTRANSFORM = {
  wgs84togcj02: [116.41024449916938, 39.91640428150164],
  /** coordtransform's gcj02towgs84 is the one-step approximation w = g - delta(g). */
  gcj02towgs84: [116.39775550083061, 39.91359571849836],
};

describe('wgs84ToGcj02', () => {
  it('matches the eviltransform vectors to 1e-12 degrees', () => {
    for (const [wLat, wLon, gLat, gLon] of EVILTRANSFORM) {
      const g = wgs84ToGcj02(wLon, wLat);
      expect(Math.abs(g[0] - gLon)).toBeLessThan(1e-12);
      expect(Math.abs(g[1] - gLat)).toBeLessThan(1e-12);
    }
  });

  it('matches the coordtransform vector at Tiananmen', () => {
    const g = wgs84ToGcj02(COORDTRANSFORM_INPUT[0], COORDTRANSFORM_INPUT[1]);
    expect(g[0]).toBeCloseTo(COORDTRANSFORM.wgs84togcj02[0], 12);
    expect(g[1]).toBeCloseTo(COORDTRANSFORM.wgs84togcj02[1], 12);
  });

  it('shifts Chengdu by the known few hundred metres and leaves points outside China alone', () => {
    const g = wgs84ToGcj02(104.06, 30.66);
    const d = distanceM(g, [104.06, 30.66]);
    expect(d).toBeGreaterThan(100);
    expect(d).toBeLessThan(700);
    expect(isOutsideChina(7.42, 43.74)).toBe(true);
    expect(Array.from(wgs84ToGcj02(7.42, 43.74))).toEqual([7.42, 43.74]);
  });

  it('writes into a result buffer without allocating', () => {
    const out = new Float64Array(2);
    expect(wgs84ToGcj02(104.06, 30.66, out)).toBe(out);
  });
});

describe('gcj02ToWgs84', () => {
  it('inverts the eviltransform vectors to well under a centimetre', () => {
    for (const [wLat, wLon, gLat, gLon] of EVILTRANSFORM) {
      expect(distanceM(gcj02ToWgs84(gLon, gLat), [wLon, wLat])).toBeLessThan(0.001);
    }
  });

  it('agrees with coordtransform\'s one-step approximation to within its own error (~1e-6 degrees)', () => {
    const w = gcj02ToWgs84(COORDTRANSFORM_INPUT[0], COORDTRANSFORM_INPUT[1]);
    expect(Math.abs(w[0] - COORDTRANSFORM.gcj02towgs84[0])).toBeLessThan(1e-6);
    expect(Math.abs(w[1] - COORDTRANSFORM.gcj02towgs84[1])).toBeLessThan(1e-6);
    // ...and is the better inverse: its forward image is the input.
    const back = wgs84ToGcj02(w[0], w[1]);
    expect(distanceM(back, COORDTRANSFORM_INPUT)).toBeLessThan(1e-4);
  });

  it('round-trips WGS84 -> GCJ-02 -> WGS84 to the centimetre across China', () => {
    let worst = 0;
    for (let lon = 74; lon <= 135; lon += 1.7) {
      for (let lat = 18; lat <= 53; lat += 1.3) {
        const back = gcj02ToWgs84(...(wgs84ToGcj02(lon, lat) as [number, number]));
        worst = Math.max(worst, distanceM(back, [lon, lat]));
      }
    }
    expect(worst).toBeLessThan(0.01);
  });
});
