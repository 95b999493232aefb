import { Cartesian3, Cartographic } from 'cesium';
import { describe, expect, it } from 'vitest';
import { DemGrid } from '../../geo/DemGrid';
import { LocalFrame } from '../../geo/LocalFrame';
import { Ground, linePositions } from './linePositions';

const origin = { lonDeg: 104.06, latDeg: 30.66 };
const frame = new LocalFrame(origin.lonDeg, origin.latDeg);
/** A flat DEM at 500 m, 1 km square around the origin. */
const dem = new DemGrid({ originLonDeg: origin.lonDeg, originLatDeg: origin.latDeg, xMinM: -500, yMinM: -500, cellSizeM: 100, width: 11, height: 11 }, new Float32Array(121).fill(500));
const heightOf = (p: Cartesian3) => Cartographic.fromCartesian(p).height;

describe('linePositions (the workspace\'s overlay lines)', () => {
  it('puts a line with heights through its 3D vertices, straight, whatever the ground', () => {
    const [lon1, lat1] = frame.toLonLat(300, 400);
    const p = linePositions({ id: 's', lonLatDeg: [origin.lonDeg, origin.latDeg, lon1, lat1], heightsM: [520, 610], color: '#fff', widthPx: 3 }, new Ground(dem), 15, 60);
    expect(p).toHaveLength(2);
    expect(heightOf(p[0])).toBeCloseTo(520, 3);
    expect(heightOf(p[1])).toBeCloseTo(610, 3);
    expect(Cartesian3.distance(p[0], p[1])).toBeCloseTo(Math.hypot(500, 90), 0);
  });

  it('drapes a ground line over the DEM, lifted and split every step', () => {
    const [lon1, lat1] = frame.toLonLat(290, 0);
    const p = linePositions({ id: 'r', lonLatDeg: [origin.lonDeg, origin.latDeg, lon1, lat1], color: '#fff', widthPx: 3 }, new Ground(dem), 15, 60);
    expect(p).toHaveLength(6);
    for (const q of p) expect(heightOf(q)).toBeCloseTo(515, 3);
  });
});
