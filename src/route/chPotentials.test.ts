import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../geo/LocalFrame';
import { compileRoadNetwork } from '../pipeline/network/compileRoadNetwork';
import { demoRoadGraph } from '../../test/support/demoPackage';
import type { RoadLine } from '../pipeline/network/RoadLine';
import { ChPotentials } from './chPotentials';
import { contractGraph } from './contractGraph';
import { dijkstraPath, growDijkstraTree } from './dijkstra';
import { MinHeap } from './MinHeap';
import { overrideSegmentAt } from './roadClosures';
import { Router } from './Router';
import { RouteOverrides } from './RouteOverrides';
import { SearchLabels } from './SearchLabels';
import { nodeSeeds } from './Seeds';

const g = await demoRoadGraph();
const ch = contractGraph(g);
const n = g.nodeCount;
const scratch = () => ({ labels: new SearchLabels(n), heap: new MinHeap(n) });
const close = (a: number, b: number) => (a === Infinity ? b === Infinity : Math.abs(a - b) <= 1e-9 * Math.max(1, b));

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('ChPotentials', () => {
  it('gives every node its exact free-flow time to the target', () => {
    const b = scratch(), ref = scratch();
    const pot = new ChPotentials(ch, b.labels, b.heap);
    const rnd = random(3);
    for (let k = 0; k < 5; k++) {
      const t = Math.floor(rnd() * n);
      pot.setTargets(nodeSeeds(t));
      growDijkstraTree(g, g.arcTimeS, nodeSeeds(t), { backward: true }, ref.labels, ref.heap);
      for (let v = 0; v < n; v += 7) expect(close(pot.potential(v), ref.labels.get(v)), `${v} -> ${t}`).toBe(true);
    }
  });

  it('guides A* to the exact route under 60 closures and 60 slowdowns, for 300 random pairs', () => {
    const rnd = random(11), o = new RouteOverrides();
    for (let i = 0; i < 60; i++) o.set(Math.floor(rnd() * g.arcCount), Infinity);
    for (let i = 0; i < 60; i++) o.set(Math.floor(rnd() * g.arcCount), 1 + 5 * rnd());
    const w = o.applyTo(g.arcTimeS);
    const b = scratch(), f = scratch(), ref = scratch();
    const pot = new ChPotentials(ch, b.labels, b.heap);
    let reachable = 0;
    for (let i = 0; i < 300; i++) {
      const s = Math.floor(rnd() * n), t = Math.floor(rnd() * n);
      pot.setTargets(nodeSeeds(t));
      const got = dijkstraPath(g, w, nodeSeeds(s), nodeSeeds(t), f.labels, f.heap, (v) => pot.potential(v));
      const want = dijkstraPath(g, w, nodeSeeds(s), nodeSeeds(t), ref.labels, ref.heap);
      expect(close(got?.costS ?? Infinity, want?.costS ?? Infinity), `${s} -> ${t}`).toBe(true);
      if (!got) continue;
      reachable++;
      let v = got.firstNode, sum = 0;
      for (const a of got.arcs) { expect(g.arcFrom[a]).toBe(v); v = g.arcTo[a]; sum += w[a]; }
      expect(v).toBe(t);
      expect(close(sum, got.costS)).toBe(true);
    }
    expect(reachable).toBeGreaterThan(250);
  });
});

describe('Router under a closure that cuts a neighbourhood off', () => {
  const f = new LocalFrame(104.06, 30.66);
  const lines: RoadLine[] = [];
  for (let k = 0; k <= 20; k++) {
    lines.push({ id: `h${k}`, name: `h${k}`, roadClass: 'local', speedKmh: 30, oneway: false, coordsLonLat: [f.toLonLat(0, k * 100), f.toLonLat(2000, k * 100)] });
    lines.push({ id: `v${k}`, name: `v${k}`, roadClass: 'local', speedKmh: 30, oneway: false, coordsLonLat: [f.toLonLat(k * 100, 0), f.toLonLat(k * 100, 2000)] });
  }
  // A close east of the grid: a 100 m gate, then a 100 x 200 m loop.
  const close = (pts: Array<[number, number]>) => pts.map(([x, y]) => f.toLonLat(x, y));
  lines.push({ id: 'gate', name: 'gate', roadClass: 'local', speedKmh: 30, oneway: false, coordsLonLat: close([[2000, 1000], [2100, 1000]]) });
  lines.push({ id: 'loop', name: 'loop', roadClass: 'local', speedKmh: 30, oneway: false, coordsLonLat: close([[2100, 1000], [2200, 1000], [2200, 1200], [2100, 1200], [2100, 1000]]) });
  const router = Router.withHierarchy(compileRoadNetwork(lines, { nodeCrossings: true }));

  it('refuses a trip into it and routes within it, exactly like Dijkstra', () => {
    overrideSegmentAt(router, f.toLonLat(2050, 1000));
    overrideSegmentAt(router, f.toLonLat(2150, 1000));
    const P = f.toLonLat(2200, 1050), Q = f.toLonLat(2100, 1050);
    expect(router.route(f.toLonLat(100, 100), P)).toBeNull();
    expect(router.route(f.toLonLat(100, 100), P, 'dijkstra')).toBeNull();
    const inside = router.route(P, Q)!;
    expect(inside.algorithm).toBe('ch-astar');
    expect(inside.meters).toBeCloseTo(150 + 100 + 150, 0);
    expect(inside.seconds).toBeCloseTo(router.route(P, Q, 'dijkstra')!.seconds, 9);
    router.overrides.clear();
    expect(router.route(P, Q)!.meters).toBeCloseTo(200, 0);
  });
});
