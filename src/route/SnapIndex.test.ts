import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../geo/LocalFrame';
import { compileRoadNetwork } from '../pipeline/network/compileRoadNetwork';
import { demoRoadGraph } from '../../test/support/demoPackage';
import { SnapIndex } from './SnapIndex';

describe('SnapIndex', () => {
  it('snaps a point 30 m off a road onto the road, 30 m away, at the foot of the perpendicular', () => {
    const f = new LocalFrame(104.06, 30.66);
    const g = compileRoadNetwork([
      { id: 'a', name: 'a', roadClass: 'local', speedKmh: 30, oneway: false, coordsLonLat: [f.toLonLat(0, 0), f.toLonLat(400, 0)] },
    ], { nodeCrossings: true });
    const s = new SnapIndex(g).nearest(...f.toLonLat(100, 30))!;
    expect(s.distanceM).toBeCloseTo(30, 0);
    const [x, y] = f.toPlane(...s.lonLat);
    expect(x).toBeCloseTo(100, 0);
    expect(y).toBeCloseTo(0, 1);
    expect(g.arcFrom[s.arc] < g.arcTo[s.arc]).toBe(true);
    expect(s.reverse).toBeGreaterThanOrEqual(0);
    expect(new SnapIndex(g).nearest(...f.toLonLat(100, 3000), 500)).toBeNull();
  });

  it('finds the same nearest segment distance as a scan of every arc, for 500 random points', async () => {
    const g = await demoRoadGraph();
    const index = new SnapIndex(g);
    let s = 3;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const kx = 111_320 * Math.cos((30.66 * Math.PI) / 180), ky = 111_320;
    const ll = g.nodeLonLatDeg;
    for (let i = 0; i < 500; i++) {
      const lon = 104.06 + (rnd() - 0.5) * 0.1, lat = 30.66 + (rnd() - 0.5) * 0.09;
      let best = Infinity;
      for (let a = 0; a < g.arcCount; a++) {
        const u = g.arcFrom[a], v = g.arcTo[a];
        const ax = (ll[2 * u] - lon) * kx, ay = (ll[2 * u + 1] - lat) * ky, bx = (ll[2 * v] - lon) * kx, by = (ll[2 * v + 1] - lat) * ky;
        const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
      const hit = index.nearest(lon, lat, 5000)!;
      expect(Math.abs(hit.distanceM - best)).toBeLessThan(0.05 + best * 2e-3);
    }
  });
});
