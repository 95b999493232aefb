import { describe, expect, it } from 'vitest';
import { demoRoadGraph } from '../../test/support/demoPackage';
import { bidirectionalAStar } from './bidirectionalAStar';
import { maxChordSpeed } from './chordPotential';
import { chShortestPath } from './chQuery';
import { dijkstraPath } from './dijkstra';
import { overrideLine, overrideSegmentAt } from './roadClosures';
import type { LonLat } from './Router';
import { Router } from './Router';
import { nodeSeeds, type ArcPath } from './Seeds';

const g = await demoRoadGraph();
const router = Router.withHierarchy(g);
const ws = (router as unknown as { ws: Parameters<typeof bidirectionalAStar>[5] }).ws;

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}
const close = (a: number, b: number) => (a === Infinity ? b === Infinity : Math.abs(a - b) <= 1e-6 * Math.max(1, b));

function checkChain(p: ArcPath): number {
  let v = p.firstNode, sum = 0;
  for (const a of p.arcs) {
    expect(g.arcFrom[a]).toBe(v);
    v = g.arcTo[a];
    sum += g.arcTimeS[a];
  }
  expect(v).toBe(p.lastNode);
  return sum;
}

/** Random points inside the built-up square of the demo city. */
function randomPoints(count: number, seed: number): LonLat[] {
  const rnd = random(seed);
  const ll = g.nodeLonLatDeg;
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (let v = 0; v < g.nodeCount; v++) {
    minLon = Math.min(minLon, ll[2 * v]); maxLon = Math.max(maxLon, ll[2 * v]);
    minLat = Math.min(minLat, ll[2 * v + 1]); maxLat = Math.max(maxLat, ll[2 * v + 1]);
  }
  return Array.from({ length: count }, () => [minLon + rnd() * (maxLon - minLon), minLat + rnd() * (maxLat - minLat)] as LonLat);
}

describe('Router', () => {
  it('answers 1,000 random node pairs exactly like plain Dijkstra (hierarchy and bidirectional A*)', () => {
    const rnd = random(7);
    const speed = maxChordSpeed(g, ws.xyz, g.arcTimeS);
    let reachable = 0;
    for (let i = 0; i < 1000; i++) {
      const s = Math.floor(rnd() * g.nodeCount), t = Math.floor(rnd() * g.nodeCount);
      const ref = dijkstraPath(g, g.arcTimeS, nodeSeeds(s), nodeSeeds(t));
      const ch = chShortestPath(router.ch!, nodeSeeds(s), nodeSeeds(t), ws);
      const astar = bidirectionalAStar(g, g.arcTimeS, speed, nodeSeeds(s), nodeSeeds(t), ws);
      const want = ref?.costS ?? Infinity;
      expect(close(ch?.costS ?? Infinity, want), `${s} -> ${t}`).toBe(true);
      expect(close(astar?.costS ?? Infinity, want), `${s} -> ${t}`).toBe(true);
      if (ch) {
        reachable++;
        expect(close(checkChain(ch), want)).toBe(true);
        expect(close(checkChain(astar!), want)).toBe(true);
      }
    }
    expect(reachable).toBeGreaterThan(900);
  });

  it('routes 300 random lon/lat pairs to the same time as Dijkstra, with a drawable, timed line', () => {
    const pts = randomPoints(600, 11);
    for (let i = 0; i < 600; i += 2) {
      const fast = router.route(pts[i], pts[i + 1]);
      const ref = router.route(pts[i], pts[i + 1], 'dijkstra');
      expect(close(fast?.seconds ?? Infinity, ref?.seconds ?? Infinity)).toBe(true);
      if (!fast) continue;
      expect(fast.coordsLonLat.length).toBe(fast.cumulativeS.length);
      expect(fast.cumulativeS[fast.cumulativeS.length - 1]).toBeCloseTo(fast.seconds, 6);
      for (let k = 1; k < fast.cumulativeS.length; k++) expect(fast.cumulativeS[k]).toBeGreaterThanOrEqual(fast.cumulativeS[k - 1]);
      expect(fast.meters).toBeGreaterThan(0);
      // Demo speeds are 30..80 km/h, so the mean speed must lie in that range.
      if (fast.seconds > 10) expect(fast.meters / fast.seconds).toBeGreaterThan(30 / 3.6 - 1e-6);
      if (fast.seconds > 10) expect(fast.meters / fast.seconds).toBeLessThan(80 / 3.6 + 1e-6);
    }
  });

  it('never drives a one-way arc backwards', () => {
    const oneway = [...g.arcOneway.keys()].filter((a) => g.arcOneway[a] === 1);
    expect(oneway.length).toBeGreaterThan(50);
    for (const a of oneway.slice(0, 40)) {
      const u = g.arcFrom[a], v = g.arcTo[a];
      const along = chShortestPath(router.ch!, nodeSeeds(u), nodeSeeds(v), ws)!;
      expect(along.costS).toBeCloseTo(g.arcTimeS[a], 9);
      const back = chShortestPath(router.ch!, nodeSeeds(v), nodeSeeds(u), ws);
      expect(back?.costS ?? Infinity).toBeGreaterThan(g.arcTimeS[a] + 1);
    }
  });

  it('honours closures and slowdowns exactly, and re-routes around a closed road', () => {
    const [a, b] = randomPoints(2, 5);
    const before = router.route(a, b)!;
    expect(before.algorithm).toBe('ch');
    const mid = before.coordsLonLat[Math.floor(before.coordsLonLat.length / 2)];
    const change = overrideSegmentAt(router, mid)!;
    expect(change.arcs.length).toBeGreaterThan(0);
    expect(router.isAffected(before)).toBe(true);
    const after = router.route(a, b)!;
    expect(after.algorithm).toBe('bidirectional-astar');
    expect(after.arcs.some((arc) => change.arcs.includes(arc))).toBe(false);
    expect(after.seconds).toBeGreaterThanOrEqual(before.seconds);
    expect(close(after.seconds, router.route(a, b, 'dijkstra')!.seconds)).toBe(true);
    const pts = randomPoints(200, 99);
    overrideLine(router, g.lines[g.arcLine[before.arcs[0]]].id, 3);
    for (let i = 0; i < 200; i += 2) {
      expect(close(router.route(pts[i], pts[i + 1])?.seconds ?? Infinity, router.route(pts[i], pts[i + 1], 'dijkstra')?.seconds ?? Infinity)).toBe(true);
    }
    router.overrides.clear();
    expect(router.route(a, b)!.seconds).toBeCloseTo(before.seconds, 9);
  });

  it('fills travel-time tables that match one-by-one routes, with and without closures', () => {
    const sources = randomPoints(20, 3), targets = randomPoints(4, 4);
    const check = () => {
      const table = router.travelTimeTable(sources, targets);
      sources.forEach((s, i) => targets.forEach((t, j) => {
        expect(close(table[i * targets.length + j], router.route(s, t, 'dijkstra')?.seconds ?? Infinity), `${i},${j}`).toBe(true);
      }));
    };
    check();
    overrideSegmentAt(router, targets[0]);
    overrideSegmentAt(router, sources[3], 4);
    check();
    router.overrides.clear();
  });

  it('returns null for points far off the network', () => {
    expect(router.route([0, 0], [104.06, 30.66])).toBeNull();
  });
});
