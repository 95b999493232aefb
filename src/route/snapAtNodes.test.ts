import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../geo/LocalFrame';
import { compileRoadNetwork } from '../pipeline/network/compileRoadNetwork';
import type { RoadLine } from '../pipeline/network/RoadLine';
import { demoRoadGraph } from '../../test/support/demoPackage';
import { dijkstraPath } from './dijkstra';
import type { RoadGraph } from './RoadGraph';
import { Router, type LonLat, type RouteMethod } from './Router';
import { nodeSeeds } from './Seeds';

const f = new LocalFrame(104.06, 30.66);
const line = (id: string, xy: Array<[number, number]>, oneway = false): RoadLine => ({
  id, name: id, roadClass: 'local', speedKmh: 36, oneway, coordsLonLat: xy.map(([x, y]) => f.toLonLat(x, y)),
});
const at = (g: RoadGraph, v: number): LonLat => [g.nodeLonLatDeg[2 * v], g.nodeLonLatDeg[2 * v + 1]];
const nodeNear = (g: RoadGraph, x: number, y: number) => {
  let best = -1, bestD = Infinity;
  for (let v = 0; v < g.nodeCount; v++) {
    const [px, py] = f.toPlane(...at(g, v));
    const d = Math.hypot(px - x, py - y);
    if (d < bestD) { bestD = d; best = v; }
  }
  return best;
};
const METHODS: RouteMethod[] = ['auto', 'ch', 'astar', 'dijkstra'];

/**
 * X (0,0) is the tail of a 1 km one-way street X -> V listed first (so its arc has the lowest id at
 * X and wins the distance tie); Y (0,400) is the head of a one-way street from (-1000,200) through
 * U (-1000,400). Two-way streets join X and Y to T (0,200), and T to both one-way streets' far ends.
 */
function trap(): RoadGraph {
  return compileRoadNetwork([
    line('one-way out of X', [[0, 0], [1000, 0]], true),
    line('X north', [[0, 0], [0, 100], [0, 200]]),
    line('far side', [[1000, 0], [1000, 200], [0, 200]]),
    line('one-way into Y', [[-1000, 200], [-1000, 400], [0, 400]], true),
    line('Y south', [[0, 400], [0, 300], [0, 200]]),
    line('west side', [[0, 200], [-1000, 200]]),
  ], { nodeCrossings: false });
}

describe('snapping at nodes and one-way segments', () => {
  const g = trap();
  const router = Router.withHierarchy(g);
  const X = nodeNear(g, 0, 0), Y = nodeNear(g, 0, 400), T = nodeNear(g, 0, 200), V = nodeNear(g, 1000, 0), U = nodeNear(g, -1000, 400);

  it('starts at the tail of a one-way segment without being sent along it first', () => {
    for (const m of METHODS) {
      const r = router.route(at(g, X), at(g, T), m)!;
      expect(r.meters, m).toBeCloseTo(200, 0);
      expect(r.nodes[0], m).toBe(X);
    }
  });

  it('ends at the head of a one-way segment without arriving along it', () => {
    for (const m of METHODS) {
      const r = router.route(at(g, T), at(g, Y), m)!;
      expect(r.meters, m).toBeCloseTo(200, 0);
      expect(r.nodes[r.nodes.length - 1], m).toBe(Y);
    }
  });

  it('still drives the one-way segments forward from their other ends (both ends of each)', () => {
    for (const m of METHODS) {
      expect(router.route(at(g, V), at(g, X), m)!.meters, `V->X ${m}`).toBeCloseTo(1000 + 200 + 200, 0);
      expect(router.route(at(g, X), at(g, V), m)!.meters, `X->V ${m}`).toBeCloseTo(1000, 0);
      expect(router.route(at(g, U), at(g, Y), m)!.meters, `U->Y ${m}`).toBeCloseTo(1000, 0);
      expect(router.route(at(g, Y), at(g, U), m)!.meters, `Y->U ${m}`).toBeCloseTo(200 + 1000 + 200, 0);
    }
  });

  it('treats a point within 0.5 m of a node as at the node, and one 5 m along a one-way street as on it', () => {
    const [x0, y0] = f.toPlane(...at(g, X));
    expect(router.snap(f.toLonLat(x0 + 0.3, y0 - 0.2))!.node).toBe(X);
    expect(router.route(f.toLonLat(x0 + 0.3, y0), at(g, T))!.meters).toBeCloseTo(200, 0);
    const on = router.snap(f.toLonLat(x0 + 5, y0))!;
    expect(on.node).toBe(-1);
    // 5 m into the one-way street there is no turning back: round the block (995 + 200 + 1000 m).
    expect(router.route(f.toLonLat(x0 + 5, y0), at(g, T))!.meters).toBeCloseTo(995 + 200 + 1000, 0);
  });

  it('answers 0 m and 0 s for a trip from a node to itself', () => {
    const r = router.route(at(g, X), at(g, X))!;
    expect(r.meters).toBe(0);
    expect(r.seconds).toBe(0);
  });

  it('gives node-to-node shortest times for 400 random node pairs of the demo city, every method', async () => {
    const demo = await demoRoadGraph();
    const dr = Router.withHierarchy(demo);
    let s = 17;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    let mismatches = 0;
    for (let i = 0; i < 400; i++) {
      const a = Math.floor(rnd() * demo.nodeCount), b = Math.floor(rnd() * demo.nodeCount);
      const want = dijkstraPath(demo, demo.arcTimeS, nodeSeeds(a), nodeSeeds(b))?.costS ?? Infinity;
      for (const m of METHODS) {
        const got = dr.route(at(demo, a), at(demo, b), m)?.seconds ?? Infinity;
        if (!(got === want || Math.abs(got - want) <= 1e-6 * Math.max(1, want))) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });
});
