import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../../geo/LocalFrame';
import { geodeticToEcef } from '../../geo/wgs84';
import { floorCut, horizontalSection, verticalSection } from './sectionPlanes';

const frame = new LocalFrame(104.06, 30.66);
const DEG = Math.PI / 180;
const side = (p: { normalEcef: number[]; distanceEcef: number }, lon: number, lat: number, h: number) => {
  const e = geodeticToEcef(lon * DEG, lat * DEG, h);
  return p.normalEcef[0] * e[0] + p.normalEcef[1] * e[1] + p.normalEcef[2] * e[2] + p.distanceEcef;
};

describe('section planes', () => {
  it('keeps the side left of a south-to-north vertical section (the west) and passes through its line', () => {
    const p = verticalSection(frame, [104.06, 30.65], [104.06, 30.67]);
    expect(p.normalEnu[0]).toBeCloseTo(-1, 9);
    expect(side(p, 104.059, 30.66, 520)).toBeGreaterThan(90);
    expect(side(p, 104.061, 30.66, 520)).toBeLessThan(-90);
    expect(Math.abs(side(p, 104.06, 30.66, 700))).toBeLessThan(0.05);
  });

  it('cuts away everything above a height and keeps what is below, in ECEF as in ENU', () => {
    const p = horizontalSection(frame, [0, 0], 550);
    expect(side(p, 104.06, 30.66, 549)).toBeCloseTo(1, 3);
    expect(side(p, 104.06, 30.66, 551)).toBeCloseTo(-1, 3);
  });

  it('hides the floors above a chosen floor of a building', () => {
    const b = { footprint: [[0, 0], [20, 0], [20, 20], [0, 20]] as Array<[number, number]>, heightM: 30, floors: 10 };
    const p = floorCut(frame, b, 500, 4);
    const [lon, lat] = frame.toLonLat(10, 10);
    expect(side(p, lon, lat, 511.9)).toBeGreaterThan(0); // inside floor 4 (509-512 m)
    expect(side(p, lon, lat, 512.1)).toBeLessThan(0); // floor 5
    expect(() => floorCut(frame, b, 500, 11)).toThrow('floor must be in 1..10, got 11');
  });
});
