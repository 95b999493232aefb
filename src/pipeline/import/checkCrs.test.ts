import { describe, expect, it } from 'vitest';
import { transformPoint } from '../../geo/crs/transformPoint';
import { checkCrs, guessProjectedCrs } from './checkCrs';
import { ImportReport } from './ImportReport';

const lonLat = [104.05, 30.65, 104.07, 30.67];
const gk = [...transformPoint('EPSG:4326', 'EPSG:4544', [104.05, 30.65]), ...transformPoint('EPSG:4326', 'EPSG:4544', [104.07, 30.67])];

function run(coords: number[], declared?: string) {
  const report = new ImportReport();
  const result = checkCrs(coords, declared, 'EPSG:4326', 'f.geojson', report);
  return { ...result, issues: report.issues };
}

describe('checkCrs', () => {
  it('accepts coordinates that fit the declared CRS without a report', () => {
    expect(run(lonLat)).toEqual({ crsId: 'EPSG:4326', swapXY: false, issues: [] });
    expect(run(gk, 'EPSG:4544')).toEqual({ crsId: 'EPSG:4544', swapXY: false, issues: [] });
  });

  it('detects lon/lat given where projected meters were declared', () => {
    const r = run(lonLat, 'EPSG:4544');
    expect(r.crsId).toBe('EPSG:4326');
    expect(r.issues[0]).toMatchObject({ code: 'crs-mismatch', action: 'detected', message: expect.stringMatching(/declared EPSG:4544 expects projected meters.*read as EPSG:4326/) });
  });

  it('detects (lat, lon) order', () => {
    const r = run([30.65, 104.05, 30.67, 104.07]);
    expect(r).toMatchObject({ crsId: 'EPSG:4326', swapXY: true });
    expect(r.issues[0].code).toBe('axis-swapped');
  });

  it('recognises zone-prefixed Gauss-Kruger meters declared as degrees or without the prefix', () => {
    const prefixed = [gk[0] + 35e6, gk[1], gk[2] + 35e6, gk[3]];
    expect(run(prefixed).crsId).toBe('EPSG:4523');
    expect(run(prefixed, 'EPSG:4544').crsId).toBe('EPSG:4523');
    expect(run(gk, 'EPSG:4523')).toMatchObject({ crsId: 'EPSG:4544', issues: [expect.objectContaining({ code: 'crs-mismatch' })] });
  });

  it('swaps northing-first Gauss-Kruger pairs and flags data outside the declared zone', () => {
    expect(run([gk[1], gk[0], gk[3], gk[2]], 'EPSG:4544')).toMatchObject({ swapXY: true, issues: [expect.objectContaining({ code: 'axis-swapped' })] });
    // Eastings 300 km west of the central meridian are ~3 degrees out, twice the zone half-width.
    // (A wrong zone whose data still falls inside it cannot be told from the coordinates alone.)
    const r = run([gk[0] - 300000, gk[1], gk[2] - 300000, gk[3]], 'EPSG:4544');
    expect(r.issues).toEqual([expect.objectContaining({ code: 'outside-zone', message: expect.stringMatching(/from EPSG:4544's central meridian 105E/) })]);
  });

  it('throws naming the file when projected data fits no single CRS', () => {
    expect(() => run([409907, 3393656, 409990, 3393700])).toThrow(/f\.geojson: coordinates .* are not lon\/lat degrees as EPSG:4326 says.*pass the CRS explicitly/);
  });
});

describe('guessProjectedCrs', () => {
  it('tells Web Mercator from zone-prefixed Gauss-Kruger', () => {
    const wm = [...transformPoint('EPSG:4326', 'EPSG:3857', [104.05, 30.65]), ...transformPoint('EPSG:4326', 'EPSG:3857', [104.07, 30.67])];
    expect(guessProjectedCrs({ minX: wm[0], minY: wm[1], maxX: wm[2], maxY: wm[3] })).toBe('EPSG:3857');
    expect(guessProjectedCrs({ minX: 35.4e6, minY: 3.39e6, maxX: 35.41e6, maxY: 3.4e6 })).toBe('EPSG:4523');
    expect(guessProjectedCrs({ minX: 18.4e6, minY: 3.39e6, maxX: 18.41e6, maxY: 3.4e6 })).toBeNull(); // 6-degree zone 18 or Mercator
  });
});
