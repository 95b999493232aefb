import { describe, expect, it } from 'vitest';
import { AnalysisScene } from '../scene/AnalysisScene';
import { firstHitBrute } from '../scene/PrismGrid';
import { prismsFromBuildings } from '../scene/PrismSet';
import { sunPath } from '../sun/sunPath';
import { boxBuilding } from '../testing/boxBuilding';
import { facadeSamples } from './FacadeSamples';
import { floorSunlight, residentialBelow } from './sunlightStandard';
import { sunlightMinutes } from './sunlightMinutes';

const LAT = 30.66, LON = 104.06, DAHAN = '2026-01-20';
const path = sunPath(DAHAN, LON, LAT, { startHour: 8, endHour: 16, stepMin: 1 });
const flat = (buildings: ReturnType<typeof boxBuilding>[]) => new AnalysisScene({ prisms: prismsFromBuildings(buildings, null).prisms, dem: null });

/** Minutes at the middle sample of a building's south facade (edge 0 of a box), ground floor. */
function southMiddle(buildings: ReturnType<typeof boxBuilding>[], which: number, floors = [1], on = path) {
  const s = facadeSamples(buildings, [which], () => 0, { spacingM: 1000, floors });
  const m = sunlightMinutes(flat(buildings), s, on);
  return Array.from(m.filter((_, i) => s.facade[i] === 0));
}

describe('sunlightMinutes', () => {
  it('counts sun on a wall north of a wide tall block exactly when the sun clears the block (closed form)', () => {
    // A 60 m block (y in [-10, 10]) 2 km wide so azimuth does not matter; a wall 40 m north of it.
    const block = boxBuilding('block', -1000, -10, 1000, 10, 60), wall = boxBuilding('wall', -20, 50, 20, 60, 30);
    const sill = 0.9, gapM = 50 - 0.1 - 10;
    // By hand: the sun clears the block when its profile angle tan(el) / -cos(az) exceeds (60 - 0.9) / gap.
    let expected = 0;
    for (let k = 0; k < path.count; k++) {
      const el = path.elevationDeg[k] * Math.PI / 180, az = path.azimuthDeg[k] * Math.PI / 180;
      if (Math.tan(el) / -Math.cos(az) > (60 - sill) / gapM) expected++;
    }
    // Noon elevation on 大寒 at 30.66 N is about 39.2 deg: tan = 0.816 < 59.1 / 39.9 = 1.48, so the ground floor is in shade all day.
    expect(expected).toBe(0);
    expect(southMiddle([block, wall], 1)).toEqual([0]);
    // Floor 9 (sill at 24.9 m): the sun must clear 35.1 m over 39.9 m (profile 0.88 > 0.816 at noon): still shaded.
    // Floor 10 (27.9 m): 32.1 / 39.9 = 0.80: a short stretch around noon, the same count as by hand.
    const wall10 = boxBuilding('wall', -20, 50, 20, 60, 30, 10);
    let byHand = 0;
    for (let k = 0; k < path.count; k++) {
      const el = path.elevationDeg[k] * Math.PI / 180, az = path.azimuthDeg[k] * Math.PI / 180;
      if (Math.tan(el) / -Math.cos(az) > (60 - 27.9) / gapM) byHand++;
    }
    expect(byHand).toBeGreaterThan(10);
    expect(byHand).toBeLessThan(200);
    expect(southMiddle([block, wall10], 1, [10])).toEqual([byHand]);
    expect(southMiddle([block, wall10], 1, [9])).toEqual([0]);
  });

  it('gives a lone building full sun on its south facade and none on its north facade in winter', () => {
    const b = [boxBuilding('lone', 0, 0, 30, 12, 30)];
    const s = facadeSamples(b, [0], () => 0, { spacingM: 1000 });
    const m = sunlightMinutes(flat(b), s, path);
    for (let i = 0; i < s.count; i++) {
      if (s.facade[i] === 0) expect(m[i]).toBe(480);
      if (s.facade[i] === 2) expect(m[i]).toBe(0);
    }
    // East (edge 1) and west (edge 3) facades: symmetric about true solar noon.
    const east = m.filter((_, i) => s.facade[i] === 1), west = m.filter((_, i) => s.facade[i] === 3);
    expect(Array.from(east)).toEqual(Array.from(west));
    expect(east[0]).toBeGreaterThan(200);
    expect(east[0]).toBeLessThan(280);
  });

  it('is symmetric: an obstacle south-east in the morning costs what its mirror south-west costs in the afternoon', () => {
    // On the solstice the declination stands still, so the sun's path is symmetric about true noon
    // (on 大寒 it drifts 0.1 deg over the window, worth a minute here).
    const solstice = sunPath('2025-12-21', LON, LAT, { startHour: 8, endHour: 16 });
    const wall = boxBuilding('wall', -10, 0, 10, 10, 20);
    const east = [wall, boxBuilding('tower', 30, -60, 50, -40, 100)];
    const west = [wall, boxBuilding('tower', -50, -60, -30, -40, 100)];
    const a = southMiddle(east, 0, [1], solstice), b = southMiddle(west, 0, [1], solstice);
    expect(a[0]).toBeLessThan(480);
    expect(a).toEqual(b);
  });

  it('agrees with the brute-force peer (every ray against every prism) on a random block', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const buildings = Array.from({ length: 120 }, (_, k) => {
      const x = rnd() * 600, y = rnd() * 600;
      return boxBuilding(`b${k}`, x, y, x + 10 + rnd() * 30, y + 10 + rnd() * 20, 10 + rnd() * 90);
    });
    const { prisms } = prismsFromBuildings(buildings, null);
    const scene = flat(buildings), s = facadeSamples(buildings, [3, 40, 77], () => 0, { spacingM: 6 });
    const brute = { blockedByBuildings: (ox: number, oy: number, oz: number, dx: number, dy: number, dz: number) => firstHitBrute(prisms, ox, oy, oz, dx, dy, dz, 0, Infinity, true) < Infinity, blockedByTerrain: () => false };
    expect(Array.from(sunlightMinutes(scene, s, path))).toEqual(Array.from(sunlightMinutes(brute, s, path)));
  });

  it('reports the residential floors whose best sample misses the standard', () => {
    const block = boxBuilding('block', -1000, -10, 1000, 10, 60), wall = boxBuilding('wall', -20, 50, 20, 60, 30, 10);
    const s = facadeSamples([block, wall], [1], () => 0, { spacingM: 4 });
    const floors = floorSunlight([block, wall], s, sunlightMinutes(flat([block, wall]), s, path), 120);
    expect(floors.length).toBe(10);
    // East and west facades see the low sun past the block's ends? No: it is 2 km wide. Lower floors miss 2 h.
    const below = residentialBelow(floors);
    expect(below[0].buildingId).toBe('wall');
    expect(below[0].floors[0]).toBe(1);
    expect(floors.every((f) => f.belowStandard === f.maxMinutes < 120)).toBe(true);
  });

  it('honours a minimum continuous run', () => {
    const b = [boxBuilding('lone', 0, 0, 30, 12, 30)];
    const s = facadeSamples(b, [0], () => 0, { spacingM: 1000, floors: [1] });
    const all = sunlightMinutes(flat(b), s, path), strict = sunlightMinutes(flat(b), s, path, { minRunMin: 481 });
    expect(all[0]).toBe(480);
    expect(strict[0]).toBe(0);
  });
});

describe('sunlightMinutes over terrain', () => {
  it('shades a wall at the foot of a ridge to its south and frees it when the ridge is gone', async () => {
    const { syntheticScene } = await import('../testing/syntheticScene');
    const wall = [boxBuilding('wall', -20, 0, 20, 10, 30)];
    const ridge = (_x: number, y: number) => (y <= -60 && y >= -120 ? 150 : 0); // a 150 m ridge 60 m south
    const shaded = syntheticScene(wall, ridge), open = syntheticScene(wall, () => 0);
    const s = facadeSamples(wall, [0], (b) => shaded.groundM(b.footprint[0][0] + 20, b.footprint[0][1] + 5), { spacingM: 1000, floors: [1] });
    const south = (m: Float32Array) => m[Array.from(s.facade).indexOf(0)];
    expect(south(sunlightMinutes(shaded, s, path))).toBe(0);
    expect(south(sunlightMinutes(open, s, path))).toBe(480);
  });
});
