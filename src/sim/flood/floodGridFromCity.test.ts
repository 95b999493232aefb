import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../pipeline/demo-city/generateDemoCity';
import { distanceToRiverM } from '../../pipeline/demo-city/layout';
import { floodedBuildings } from './floodedBuildings';
import { floodGridFromCity } from './floodGridFromCity';
import { impassableRoadPoints } from './impassableRoadPoints';

const city = generateDemoCity();
const bboxM: [number, number, number, number] = [-1400, 700, -900, 1200]; // 500 m with a river reach
const { grid, buildings, roads } = floodGridFromCity({ ...city, water: [{ rings: [city.river] }] }, { cellSizeM: 5, bboxM });
const W = grid.width;

describe('floodGridFromCity', () => {
  it('resamples the DEM bilinearly at cell centres of the requested sub-region', () => {
    expect([grid.width, grid.height, grid.xMinM, grid.yMinM, grid.cellSizeM]).toEqual([100, 100, -1400, 700, 5]);
    expect([grid.originLonDeg, grid.originLatDeg]).toEqual([city.dem.originLonDeg, city.dem.originLatDeg]);
    for (const [i, j] of [[0, 0], [37, 81], [99, 99]]) {
      expect(grid.bedM[j * W + i]).toBe(Math.fround(city.dem.sample(-1400 + (i + 0.5) * 5, 700 + (j + 0.5) * 5)));
    }
  });

  it('makes building footprints walls owned by their building, with open probe cells around them', () => {
    let inside = 0;
    city.buildings.forEach((b, idx) => {
      const xs = b.footprint.map((p) => p[0]), ys = b.footprint.map((p) => p[1]);
      if (Math.min(...xs) < bboxM[0] + 10 || Math.max(...xs) > bboxM[2] - 10 || Math.min(...ys) < bboxM[1] + 10 || Math.max(...ys) > bboxM[3] - 10) return;
      inside++;
      // The first corner's inner neighbourhood (2.6 m in) is inside every footprint the generator makes.
      const [x0, y0] = b.footprint[0];
      const k = Math.floor((y0 + 2.6 - grid.yMinM) / 5) * W + Math.floor((x0 + 2.6 - grid.xMinM) / 5);
      expect(grid.wall[k]).toBe(1);
      expect(buildings.owner[k]).toBe(idx);
      const probes = buildings.probeCells.subarray(buildings.probeStart[idx], buildings.probeStart[idx + 1]);
      expect(probes.length).toBeGreaterThan(0);
      for (const p of probes) expect(grid.wall[p]).toBe(0);
    });
    expect(inside).toBeGreaterThan(10);
  });

  it('samples roads off walls and off the river (bridges)', () => {
    expect(roads.cell.length).toBeGreaterThan(200);
    for (let s = 0; s < roads.cell.length; s++) {
      expect(grid.wall[roads.cell[s]]).toBe(0);
      expect(distanceToRiverM(roads.xM[s], roads.yM[s])).toBeGreaterThan(35);
    }
  });

  it('turns a depth grid into flooded buildings, people per community and impassable road points', () => {
    const depth = new Float32Array(W * grid.height);
    const b = buildings.owner.find((o) => o >= 0)!;
    depth[buildings.probeCells[buildings.probeStart[b]]] = 0.2;
    const s = 7;
    depth[roads.cell[s]] = 0.5;
    const f = floodedBuildings(depth, buildings, 0.15);
    expect(Array.from(f.indices)).toContain(b);
    expect(f.people).toBeGreaterThanOrEqual(city.buildings[b].population);
    expect(f.peopleByUnit[city.buildings[b].communityId]).toBeGreaterThanOrEqual(city.buildings[b].population);
    expect(floodedBuildings(depth, buildings, 0.25).indices.length).toBe(0);
    const closed = impassableRoadPoints(depth, roads, 0.3);
    expect(closed.length).toBeGreaterThanOrEqual(1);
    const [lon, lat] = city.frame.toLonLat(roads.xM[s], roads.yM[s]);
    expect(closed.some((p) => p.lonDeg === lon && p.latDeg === lat && p.roadId === roads.roadIds[roads.road[s]] && p.depthM === Math.fround(0.5))).toBe(true);
  });

  it('refuses a bbox outside the DEM or inverted, naming it', () => {
    expect(() => floodGridFromCity(city, { bboxM: [0, 0, 9000, 100] })).toThrow(/leaves the DEM/);
    expect(() => floodGridFromCity(city, { bboxM: [10, 0, 0, 100] })).toThrow(/bboxM must be \[xMin, yMin, xMax, yMax\]/);
  });
});
