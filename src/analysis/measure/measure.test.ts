import { describe, expect, it } from 'vitest';
import geographiclib from 'geographiclib-geodesic';
import { LocalFrame } from '../../geo/LocalFrame';
import { boxBuilding } from '../testing/boxBuilding';
import { syntheticScene } from '../testing/syntheticScene';
import { geodesicInverse } from './geodesic';
import { elevationProfile, measureAreaM2, measureDistance } from './measure';

const { Geodesic } = geographiclib;
const dms = (d: number, m: number, s: number) => Math.sign(d) * (Math.abs(d) + m / 60 + s / 3600);

describe('geodesicInverse', () => {
  it('matches the published Flinders Peak - Buninyong geodesic (Geoscience Australia, on GRS80/WGS84) to 1 mm', () => {
    const flinders: [number, number] = [dms(144, 25, 29.52440), dms(-37, 57, 3.72030)];
    const buninyong: [number, number] = [dms(143, 55, 35.38390), dms(-37, 39, 10.15610)];
    const g = geodesicInverse(flinders, buninyong);
    expect(Math.abs(g.distanceM - 54972.271)).toBeLessThan(0.001);
    expect(Math.abs(g.azimuth1Deg - dms(306, 52, 5.37))).toBeLessThan(1 / 3600);
    expect(Math.abs(g.azimuth2Deg - (dms(127, 10, 25.07) + 180) % 360)).toBeLessThan(1 / 3600);
  });

  it('agrees with GeographicLib (Karney) to 0.1 mm on city-scale and continental lines', () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 200; k++) {
      const a: [number, number] = [100 + rnd() * 10, 25 + rnd() * 10], span = k < 100 ? 0.1 : 20;
      const b: [number, number] = [a[0] + (rnd() - 0.5) * span, a[1] + (rnd() - 0.5) * span];
      const ref = Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]);
      expect(Math.abs(geodesicInverse(a, b).distanceM - ref.s12!)).toBeLessThan(1e-4);
    }
  });
});

describe('measureDistance and measureAreaM2', () => {
  it('gives the straight 3D line shorter than the geodesic over a long line, equal to the slope over a short one', () => {
    const long = measureDistance([104, 30, 0], [106, 32, 0]);
    expect(long.straightM).toBeLessThan(long.geodesicM);
    const short = measureDistance([104.06, 30.66, 500], [104.061, 30.66, 600]);
    expect(short.straightM).toBeCloseTo(Math.hypot(short.geodesicM, 100), 1);
    expect(short.heightDiffM).toBe(100);
    expect(short.azimuthDeg).toBeCloseTo(90, 2);
  });

  it('matches GeographicLib\'s ellipsoidal polygon area to 1e-6 for a 2 km block and a 20 km district', () => {
    for (const size of [0.02, 0.2]) {
      const ring: Array<[number, number]> = [[104, 30.6], [104 + size, 30.6], [104 + size, 30.6 + size * 0.8], [104 + size * 0.3, 30.6 + size]];
      const poly = Geodesic.WGS84.Polygon(false);
      for (const [lon, lat] of ring) poly.AddPoint(lat, lon);
      const ref = Math.abs(poly.Compute(false, true).area!);
      expect(Math.abs(measureAreaM2(ring) - ref) / ref).toBeLessThan(1e-6);
    }
  });
});

describe('elevationProfile', () => {
  it('follows the ground and climbs over a building, with surface length longer than the horizontal one', () => {
    const frame = new LocalFrame(104.06, 30.66);
    const scene = syntheticScene([boxBuilding('b', 40, -10, 60, 10, 30)], (x) => (x > 0 ? x * 0.1 : 0));
    const p = elevationProfile(scene, [[-50, 0], [0, 0], [100, 0]], 5, (x, y) => frame.toLonLat(x, y));
    expect(p.horizontalM).toBe(150);
    expect(p.samples[0].distanceM).toBe(0);
    expect(p.samples.at(-1)!.distanceM).toBe(150);
    const onRoof = p.samples.find((s) => s.distanceM === 100)!; // x = 50
    expect(onRoof.prism).toBe(0);
    expect(onRoof.groundM).toBeCloseTo(505, 6);
    expect(onRoof.surfaceM).toBeCloseTo(505 + 30, 6);
    // Ground: 50 m flat + 100 m at 10 % (100.5 m); sampled every 5 m the two ~30 m walls lean over
    // one step each: 150.5 - 10.05 + hypot(5, 31.5) + 15 + hypot(5, 28.5) + 5.02 = 201.7 m.
    expect(p.surfaceM).toBeCloseTo(201.7, 1);
  });
});
