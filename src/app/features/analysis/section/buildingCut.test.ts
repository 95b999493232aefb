import { describe, expect, it } from 'vitest';
import { boxBuilding } from '../../../../analysis/testing/boxBuilding';
import { LocalFrame } from '../../../../geo/LocalFrame';
import { geodeticToEcef } from '../../../../geo/wgs84';
import { buildingCut, convexHull } from './buildingCut';

const frame = new LocalFrame(104.06, 30.66);
const DEG = Math.PI / 180;

/** Is a plane point (x, y, ellipsoidal height) cut away: outside (n·p + d < 0) every plane, in ENU and in ECEF? */
function cut(planes: ReturnType<typeof buildingCut>, x: number, y: number, h: number): [boolean, boolean] {
  const enu = [0, 0, 0];
  frame.planeToEnu(x, y, h, enu);
  const [lon, lat] = frame.toLonLat(x, y);
  const e = geodeticToEcef(lon * DEG, lat * DEG, h);
  return [
    planes.every((p) => p.normalEnu[0] * enu[0] + p.normalEnu[1] * enu[1] + p.normalEnu[2] * enu[2] + p.distanceEnu < 0),
    planes.every((p) => p.normalEcef[0] * e[0] + p.normalEcef[1] * e[1] + p.normalEcef[2] * e[2] + p.distanceEcef < 0),
  ];
}

describe('buildingCut', () => {
  it('cuts away the floors above N of one building only (same in ENU and ECEF)', () => {
    const b = boxBuilding('B1', 200, 100, 230, 120, 30, 10);
    const planes = buildingCut(frame, b, 500, 4);
    expect(planes).toHaveLength(5);
    expect(cut(planes, 215, 110, 515)).toEqual([true, true]); // floor 6, inside
    expect(cut(planes, 215, 110, 509)).toEqual([false, false]); // floor 4, inside
    expect(cut(planes, 250, 110, 515)).toEqual([false, false]); // beside the building
    expect(cut(planes, 229.8, 119.8, 529)).toEqual([true, true]); // inside a corner, near the roof
  });

  it('hulls a footprint counter-clockwise', () => {
    expect(convexHull([[0, 0], [10, 0], [5, 2], [10, 10], [0, 10]])).toEqual([[0, 0], [10, 0], [10, 10], [0, 10]]);
  });
});
