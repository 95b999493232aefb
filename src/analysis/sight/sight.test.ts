import { describe, expect, it } from 'vitest';
import { boxBuilding } from '../testing/boxBuilding';
import { syntheticScene } from '../testing/syntheticScene';
import { lineOfSight } from './lineOfSight';
import { VIEWSHED_HIDDEN, VIEWSHED_OUTSIDE, VIEWSHED_VISIBLE, viewshed } from './viewshed';

// A 20 m ridge along x = 100..120 (all y), flat 500 m ground elsewhere.
const ridge = (x: number) => (x >= 100 && x <= 120 ? 20 : 0);

describe('lineOfSight', () => {
  it('sees across flat ground and reports one visible segment', () => {
    const los = lineOfSight(syntheticScene([]), [0, 0, 502], [300, 0, 502]);
    expect(los.visible).toBe(true);
    expect(los.segments).toEqual([{ fromM: 0, toM: 300, visible: true }]);
  });

  it('stops at the near wall of a building in the way, with the building named', () => {
    const scene = syntheticScene([boxBuilding('wall', 50, -20, 60, 20, 30)]);
    const los = lineOfSight(scene, [0, 0, 502], [200, 0, 502]);
    expect(los.visible).toBe(false);
    expect(los.obstruction!.kind).toBe('building');
    expect(los.obstruction!.prism).toBe(0);
    expect(los.obstruction!.distanceM).toBeCloseTo(50, 6);
    expect(los.segments.map((s) => s.visible)).toEqual([true, false]);
    // Over the 30 m building: visible.
    expect(lineOfSight(scene, [0, 0, 540], [200, 0, 540]).visible).toBe(true);
  });

  it('is blocked by a terrain ridge the line passes under, and not by one it clears', () => {
    const scene = syntheticScene([], ridge);
    const low = lineOfSight(scene, [0, 0, 502], [300, 0, 502]);
    expect(low.obstruction!.kind).toBe('terrain');
    expect(low.obstruction!.distanceM).toBeGreaterThan(95);
    expect(low.obstruction!.distanceM).toBeLessThan(105);
    expect(lineOfSight(scene, [0, 0, 530], [300, 0, 530]).visible).toBe(true);
  });
});

describe('viewshed', () => {
  it('sees everything in radius on flat ground', () => {
    const v = viewshed(syntheticScene([]), { observerM: [0, 0], radiusM: 200, cellSizeM: 10 });
    expect(v.visibleCells).toBe(v.cellsInRadius);
    expect(v.cells.filter((c) => c === VIEWSHED_OUTSIDE).length).toBe(v.width * v.height - v.cellsInRadius);
  });

  it('hides the ground behind a ridge from an eye below its crest, and matches the hand-computed shadow', () => {
    const v = viewshed(syntheticScene([], ridge), { observerM: [0, 0], radiusM: 300, cellSizeM: 10, eyeHeightM: 1.6 });
    const at = (x: number, y: number) => v.cells[Math.round((y - v.originM[1]) / 10 - 0.5) * v.width + Math.round((x - v.originM[0]) / 10 - 0.5)];
    expect(at(50, 0)).toBe(VIEWSHED_VISIBLE);
    expect(at(100, 0)).toBe(VIEWSHED_VISIBLE); // the ridge's front edge
    expect(at(120, 0)).toBe(VIEWSHED_HIDDEN); // its flat top, below the line over the front edge
    // Behind the crest the sight line (1.6 m eye over a 20 m crest 100 m away) never comes down to flat ground.
    for (const x of [140, 200, 280]) expect(at(x, 0)).toBe(VIEWSHED_HIDDEN);
    expect(at(-200, 0)).toBe(VIEWSHED_VISIBLE);
  });

  it('casts a building shadow: hidden behind the tower, visible beside it', () => {
    const v = viewshed(syntheticScene([boxBuilding('tower', 40, -10, 60, 10, 80)]), { observerM: [0, 0], radiusM: 200, cellSizeM: 5 });
    const at = (x: number, y: number) => v.cells[Math.floor((y - v.originM[1]) / 5) * v.width + Math.floor((x - v.originM[0]) / 5)];
    expect(at(150, 0)).toBe(VIEWSHED_HIDDEN);
    expect(at(150, 100)).toBe(VIEWSHED_VISIBLE);
    expect(at(50, 0)).toBe(VIEWSHED_HIDDEN); // a flat roof is not seen from the street
    expect(v.surfaceM[Math.floor((0 - v.originM[1]) / 5) * v.width + Math.floor((50 - v.originM[0]) / 5)]).toBeCloseTo(580, 3);
  });

  it('sees the flat roof and the street behind it from a taller building', () => {
    const buildings = [boxBuilding('tower', 40, -10, 60, 10, 80), boxBuilding('high', -10, -10, 10, 10, 120)];
    const scene = syntheticScene(buildings);
    // At the roof's east edge: from its middle the roof itself hides the ground close by.
    const fromRoof = viewshed(scene, { observerM: [9, 0], radiusM: 200, cellSizeM: 5 });
    const at = (x: number, y: number) => fromRoof.cells[Math.floor((y - fromRoof.originM[1]) / 5) * fromRoof.width + Math.floor((x - fromRoof.originM[0]) / 5)];
    expect(fromRoof.eyeM[2]).toBeCloseTo(621.6, 3);
    expect(at(50, 0)).toBe(VIEWSHED_VISIBLE);
    // The street 140 m behind the tower: over its roof from 120 m, hidden from the street.
    expect(at(195, 0)).toBe(VIEWSHED_VISIBLE);
    const street = viewshed(syntheticScene([buildings[0]]), { observerM: [9, 0], radiusM: 200, cellSizeM: 5 });
    expect(street.cells[Math.floor((0 - street.originM[1]) / 5) * street.width + Math.floor((195 - street.originM[0]) / 5)]).toBe(VIEWSHED_HIDDEN);
  });

  it('refuses a radius or raster beyond its limits', () => {
    expect(() => viewshed(syntheticScene([]), { observerM: [0, 0], radiusM: 9000 })).toThrow(/radiusM <= 5000/);
    expect(() => viewshed(syntheticScene([]), { observerM: [0, 0], radiusM: 5000, cellSizeM: 1 })).toThrow(/at most 4000000/);
  });
});
