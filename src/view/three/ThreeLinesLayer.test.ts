import { Group } from 'three';
import { describe, expect, it } from 'vitest';
import { SceneFrame } from './SceneFrame';
import { ThreeLinesLayer } from './ThreeLinesLayer';

const origin = { lonDeg: 104.06, latDeg: 30.66 };

describe('ThreeLinesLayer', () => {
  const frame = new SceneFrame(origin.lonDeg, origin.latDeg, null);

  it('draws a line with heights straight between its 3D vertices, one segment per edge', () => {
    const layer = new ThreeLinesLayer('sight', new Group(), frame, { width: 800, height: 600 });
    const [lon1, lat1] = frame.local.toLonLat(300, 400);
    layer.update({ kind: 'lines', lines: [{ id: 's', lonLatDeg: [origin.lonDeg, origin.latDeg, lon1, lat1], heightsM: [520, 560], color: '#22c55e', widthPx: 3 }] });
    expect(layer.segments).toBe(1);
    const g = (layer as unknown as { parts: Array<{ geometry: { getAttribute(n: string): { getX(i: number): number; getY(i: number): number; getZ(i: number): number; data: { array: Float32Array } } } }> }).parts[0].geometry;
    const start = g.getAttribute('instanceStart'), end = g.getAttribute('instanceEnd');
    expect(start.getY(0)).toBeCloseTo(520, 1);
    // 500 m away the ellipsoid has dropped ~2 cm below the origin's tangent plane.
    expect(end.getY(0)).toBeCloseTo(560, 0);
    expect(end.getX(0)).toBeCloseTo(300, 0);
    expect(end.getZ(0)).toBeCloseTo(-400, 0);
  });

  it('densifies a ground line to follow the terrain (every 60 m)', () => {
    const layer = new ThreeLinesLayer('route', new Group(), frame, { width: 800, height: 600 });
    const [lon1, lat1] = frame.local.toLonLat(590, 0);
    layer.update({ kind: 'lines', lines: [{ id: 'r', lonLatDeg: [origin.lonDeg, origin.latDeg, lon1, lat1], color: '#22c55e', widthPx: 3 }] });
    expect(layer.segments).toBe(10);
  });
});
