import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity, type DemoCity } from '../../pipeline/demo-city/generateDemoCity';
import { SimCancelledError } from '../core/SimCancelledError';
import type { SimProgress } from '../core/SimProgress';
import { constantSeries } from '../core/TimeSeries';
import { cityPlumeGrid } from './cityPlumeGrid';
import { plumeResultTransferables, runPlume, type PlumeRunInput } from './runPlume';

let city: DemoCity;
let input: PlumeRunInput;

beforeAll(() => {
  city = generateDemoCity();
  const grid = cityPlumeGrid(city.frame, city.buildings, 40, { obstacleMinHeightM: 50 });
  const [lonDeg, latDeg] = city.frame.toLonLat(-1200, 300);
  input = {
    grid, endTimeS: 1800, frameIntervalS: 600, thresholdMgPerM3: 5.8, buildings: city.buildings,
    params: {
      sources: [{ lonDeg, latDeg, rateKgPerS: 5, durationS: 1200 }],
      windSpeedMps: constantSeries(3), windFromDeg: constantSeries(250), diffusivityM2PerS: 20, mixingHeightM: 50,
    },
  };
});

/** Even-odd test of a plane point against lon/lat rings converted back to the plane. */
function inZoneFeature(x: number, y: number, rings: Array<Array<[number, number]>>): boolean {
  let inside = false;
  for (const ring of rings) {
    const pts = ring.map(([lon, lat]) => city.frame.toPlane(lon, lat));
    for (let k = 0; k + 1 < pts.length; k++) {
      const [ax, ay] = pts[k], [bx, by] = pts[k + 1];
      if ((ay > y) !== (by > y) && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
    }
  }
  return inside;
}

describe('runPlume', () => {
  it('produces frames, an evacuation zone in lon/lat and the buildings and people inside it', async () => {
    const progress: SimProgress[] = [];
    const r = await runPlume(input, { onProgress: (p) => progress.push(p) });
    const n = r.grid.width * r.grid.height;
    expect(Array.from(r.frameTimesS)).toEqual([600, 1200, 1800]);
    expect(r.framesMgPerM3.length).toBe(3 * n);
    let maxBelowFrame = 0, arrivalMismatch = 0;
    for (let k = 0; k < n; k++) {
      if (r.maxMgPerM3[k] < r.framesMgPerM3[n + k]) maxBelowFrame++;
      if (Number.isFinite(r.arrivalS[k]) !== (r.zoneMask[k] === 1)) arrivalMismatch++;
    }
    expect(maxBelowFrame).toBe(0);
    expect(arrivalMismatch).toBe(0);
    expect(r.zone.cells).toBeGreaterThan(50);
    expect(r.zone.areaM2).toBe(r.zone.cells * 1600);
    const polys = r.zone.feature.geometry.coordinates;
    expect(polys.length).toBeGreaterThan(0);
    for (const [lon, lat] of polys.flat(2)) { expect(Math.abs(lon - 104.06)).toBeLessThan(0.07); expect(Math.abs(lat - 30.66)).toBeLessThan(0.06); }
    // Every building whose centroid lies in the zone polygons is counted; the total matches the per-district sums.
    const ex = r.exposure!, counted = new Set(ex.buildingIndices);
    let missed = 0, inPolygons = 0;
    city.buildings.forEach((b, idx) => {
      const cx = b.footprint.reduce((s, p) => s + p[0], 0) / b.footprint.length, cy = b.footprint.reduce((s, p) => s + p[1], 0) / b.footprint.length;
      if (Math.hypot(cx + 1200, cy - 300) > 6000 || !polys.some((p) => inZoneFeature(cx, cy, p))) return;
      inPolygons++;
      if (!counted.has(idx)) missed++;
    });
    expect(inPolygons).toBeGreaterThan(10);
    expect(missed).toBe(0);
    expect(ex.buildings).toBeGreaterThan(10);
    expect(ex.population).toBe([...counted].reduce((s, i) => s + city.buildings[i].population, 0));
    expect(ex.byUnit.filter((u) => u.level === 'district').reduce((s, u) => s + u.population, 0)).toBe(ex.population);
    expect(Math.abs(r.massBalance.errorKg)).toBeLessThan(1e-9 * r.massBalance.releasedKg);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.fraction).toBe(1);
    for (let k = 1; k < progress.length; k++) expect(progress[k].simTimeS).toBeGreaterThanOrEqual(progress[k - 1].simTimeS);
    // Crosses a worker boundary as is: structured clone with every buffer transferred (no duplicates, no class instances).
    const moved = structuredClone(r, { transfer: plumeResultTransferables(r) });
    expect(moved.maxMgPerM3.length).toBe(n);
    expect(r.maxMgPerM3.length).toBe(0);
  });

  it('is cancellable mid-run', async () => {
    const ctrl = new AbortController();
    await expect(runPlume(input, { signal: ctrl.signal, onProgress: (p) => { if (p.simTimeS > 100) ctrl.abort(); } }))
      .rejects.toBeInstanceOf(SimCancelledError);
  });
});
