import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../LocalFrame';
import { gaussKrugerCrsForLon, projectedCrsDefinition } from './chinaProjections';
import { resolveCrs } from './resolveCrs';
import { transformPoint, transformPoints } from './transformPoint';

function distanceM(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const lat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  return Math.hypot((a[0] - b[0]) * 111320 * Math.cos(lat), (a[1] - b[1]) * 110574);
}

// PROJ's own test suite, test/gie/builtins.gie, "+proj=tmerc +ellps=GRS80" block (tolerance
// 0.1 mm there): forward (lon, lat) -> (x, y) about the central meridian with k0 = 1, no false
// easting. CGCS2000 has GRS80's a and 1/f, so a 3-degree Gauss-Kruger zone is this projection
// shifted by its central meridian and false easting.
const GIE_TMERC_GRS80: Array<[number, number, number, number]> = [
  [2, 1, 222650.796797586, 110642.229411933],
  [2, -1, 222650.796797586, -110642.229411933],
  [-2, 1, -222650.796797586, 110642.229411933],
  [30, 89.9999, 5.584698978, 10001956.056248082],
];
// Same file, inverse: (x, y) = (200, 100) m -> (lon, lat) = (0.001796631, 0.000904369) degrees.
const GIE_TMERC_GRS80_INVERSE = [200, 100, 0.001796631, 0.000904369];

describe('transformPoint', () => {
  it('projects to CGCS2000 3-degree Gauss-Kruger zones as PROJ\'s tmerc test vectors say', () => {
    for (const [dLon, lat, x, y] of GIE_TMERC_GRS80) {
      const noPrefix = transformPoint('EPSG:4490', 'EPSG:4544', [105 + dLon, lat]); // CM 105E
      expect(Math.abs(noPrefix[0] - (500000 + x))).toBeLessThan(1e-3);
      expect(Math.abs(noPrefix[1] - y)).toBeLessThan(1e-3);
      const prefixed = transformPoint('EPSG:4326', 'EPSG:4523', [105 + dLon, lat]); // zone 35
      expect(Math.abs(prefixed[0] - (35_500_000 + x))).toBeLessThan(1e-3);
      const sixDegree = transformPoint('EPSG:4326', 'EPSG:4496', [105 + dLon, lat]); // 6-degree zone 18
      expect(Math.abs(sixDegree[0] - (18_500_000 + x))).toBeLessThan(1e-3);
    }
    const [x, y, lon, lat] = GIE_TMERC_GRS80_INVERSE;
    const ll = transformPoint('EPSG:4547', 'EPSG:4490', [500000 + x, y]); // CM 114E
    expect(Math.abs(ll[0] - (114 + lon))).toBeLessThan(1e-9);
    expect(Math.abs(ll[1] - lat)).toBeLessThan(1e-9);
  });

  it('projects to Web Mercator as the IOGP worked example says', () => {
    // IOGP Guidance Note 7-2 (EPSG method 1024, Popular Visualisation Pseudo Mercator) worked
    // example: 24°22'54.433"N, 100°20'00.000"W -> E = -11 169 055.58 m, N = 2 800 000.00 m.
    const lat = 24 + (22 + 54.433 / 60) / 60, lon = -(100 + 20 / 60);
    const en = transformPoint('EPSG:4326', 'EPSG:3857', [lon, lat]);
    expect(Math.abs(en[0] - -11169055.58)).toBeLessThan(0.01);
    expect(Math.abs(en[1] - 2800000.0)).toBeLessThan(0.01);
    // The half equator pi * 6378137 m is the EPSG:3857 bound at 180 degrees.
    expect(transformPoint('EPSG:4326', 'EPSG:3857', [180, 0])[0]).toBeCloseTo(Math.PI * 6378137, 6);
  });

  it('chains GCJ-02 and BD-09 with projected CRSs through WGS84', () => {
    const wgs: [number, number] = [104.0657, 30.6598]; // Tianfu Square, Chengdu
    const gcj = transformPoint('EPSG:4326', 'GCJ02', wgs);
    const gk = transformPoint('GCJ02', 'EPSG:4544', gcj);
    const direct = transformPoint('EPSG:4326', 'EPSG:4544', wgs);
    expect(Math.hypot(gk[0] - direct[0], gk[1] - direct[1])).toBeLessThan(0.001);
    const bd = transformPoint('EPSG:4544', 'BD09', gk);
    expect(distanceM(transformPoint('BD09', 'WGS84', bd), wgs)).toBeLessThan(0.001);
  });

  it('round-trips every CRS to the centimetre around Chengdu', () => {
    const ids = ['EPSG:4326', 'EPSG:4490', 'EPSG:4544', 'EPSG:4523', 'EPSG:4507', 'EPSG:3857', 'GCJ02', 'BD09', 'LOCAL:104.06,30.66'];
    for (const id of ids) {
      for (let lon = 103.6; lon <= 104.6; lon += 0.25) {
        for (let lat = 30.3; lat <= 31.0; lat += 0.2) {
          const back = transformPoint(id, 'EPSG:4326', transformPoint('EPSG:4326', id, [lon, lat]));
          expect(distanceM(back, [lon, lat]), id).toBeLessThan(0.01);
        }
      }
    }
  });

  it('maps LOCAL:lon,lat to the LocalFrame city plane', () => {
    const frame = new LocalFrame(104.06, 30.66);
    const p = transformPoint('EPSG:4326', 'LOCAL:104.06,30.66', [104.07, 30.67]);
    expect(p).toEqual(frame.toPlane(104.07, 30.67));
  });

  it('accepts aliases, URNs and bare numbers, and names the accepted ids for unknown ones', () => {
    expect(resolveCrs('urn:ogc:def:crs:EPSG::4544')).toBe(resolveCrs('EPSG:4544'));
    expect(resolveCrs('4544')).toBe(resolveCrs('epsg:4544'));
    expect(resolveCrs('gcj-02').id).toBe('GCJ02');
    expect(resolveCrs('urn:ogc:def:crs:OGC:1.3:CRS84').id).toBe('EPSG:4326');
    expect(() => resolveCrs('EPSG:2000')).toThrow(/unknown CRS "EPSG:2000": expected one of EPSG:4326/);
    expect(() => transformPoint('EPSG:4326', 'EPSG:4544', [NaN, 30])).toThrow(/x is NaN/);
  });
});

describe('transformPoints', () => {
  it('converts interleaved pairs like transformPoint and marks non-finite input as NaN', () => {
    const coords = new Float64Array([104.06, 30.66, 104.1, 30.7, NaN, 30, 103.9, 30.5]);
    const out = transformPoints('EPSG:4326', 'EPSG:4544', coords);
    for (const i of [0, 2, 6]) {
      expect(Array.from(out.subarray(i, i + 2))).toEqual(transformPoint('EPSG:4326', 'EPSG:4544', [coords[i], coords[i + 1]]));
    }
    expect(Number.isNaN(out[4]) && Number.isNaN(out[5])).toBe(true);
    transformPoints('EPSG:4544', 'EPSG:4326', out, out); // in place
    expect(Math.abs(out[2] - 104.1)).toBeLessThan(1e-9);
    expect(() => transformPoints('EPSG:4326', 'GCJ02', new Float64Array(3))).toThrow(/odd length 3/);
  });
});

describe('gaussKrugerCrsForLon', () => {
  it('picks the 3-degree zone of a longitude, with or without the zone prefix', () => {
    expect(gaussKrugerCrsForLon(104.06)).toBe('EPSG:4544');
    expect(gaussKrugerCrsForLon(104.06, true)).toBe('EPSG:4523');
    expect(gaussKrugerCrsForLon(121.47)).toBe('EPSG:4549'); // Shanghai, CM 120E
    expect(projectedCrsDefinition(4544)?.centralMeridianDeg).toBe(105);
    expect(projectedCrsDefinition(4523)?.falseEastingM).toBe(35_500_000);
    expect(projectedCrsDefinition(4527)?.name).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 39');
    expect(projectedCrsDefinition(4507)?.centralMeridianDeg).toBe(105);
    expect(() => gaussKrugerCrsForLon(7.4)).toThrow(/outside the CGCS2000 3-degree zones/);
  });
});
