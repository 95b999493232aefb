import type { ContractionHierarchy } from '../../src/route/ContractionHierarchy';
import { reverseArc, type RoadGraph } from '../../src/route/RoadGraph';
import { Router, type LonLat } from '../../src/route/Router';
import { ms, quantile, r3, sum } from './benchStats';

const at = (g: RoadGraph, v: number): LonLat => [g.nodeLonLatDeg[2 * v], g.nodeLonLatDeg[2 * v + 1]];

/**
 * Re-routing around a closure on the route: for each node pair, the arc in the middle of its
 * free-flow route (both directions) is closed, then the pair is routed with 'auto' (A* guided by the
 * hierarchy's free-flow times: nothing rebuilt) and, as the peer, bidirectional A* guided by
 * straight-line distance (what closures fell back to before). Both are exact; the first `checked`
 * pairs are also routed by Dijkstra to show it.
 */
export function closureQueries(g: RoadGraph, ch: ContractionHierarchy, pairs: Array<readonly [number, number]>, checked = 10) {
  const router = new Router(g, ch);
  const auto: number[] = [], astar: number[] = [];
  let compared = 0, agree = 0, dijkstraAgree = 0;
  const algorithms = new Set<string>();
  pairs.forEach(([s, t], i) => {
    const before = router.route(at(g, s), at(g, t));
    if (!before || before.arcs.length < 3) return;
    const mid = before.arcs[Math.floor(before.arcs.length / 2)];
    router.overrides.set(mid, Infinity);
    const back = reverseArc(g, mid);
    if (back >= 0) router.overrides.set(back, Infinity);
    let t0 = performance.now();
    const a = router.route(at(g, s), at(g, t));
    auto.push(ms(t0));
    t0 = performance.now();
    const b = router.route(at(g, s), at(g, t), 'astar');
    astar.push(ms(t0));
    if (a) algorithms.add(a.algorithm);
    compared++;
    const same = (x: number, y: number) => x === y || Math.abs(x - y) <= 1e-9 * Math.max(1, y);
    if (same(a?.seconds ?? Infinity, b?.seconds ?? Infinity)) agree++;
    if (i < checked && same(a?.seconds ?? Infinity, router.route(at(g, s), at(g, t), 'dijkstra')?.seconds ?? Infinity)) dijkstraAgree++;
    router.overrides.clear();
  });
  return {
    pairs: compared, closure: 'the middle arc of the free-flow route, both ways',
    chGuidedAStarMs: { median: r3(quantile(auto, 0.5)), p99: r3(quantile(auto, 0.99)), algorithm: [...algorithms].join(',') },
    peerStraightLineBidirectionalAStarMs: { median: r3(quantile(astar, 0.5)), p99: r3(quantile(astar, 0.99)) },
    speedupOfMedians: r3(quantile(astar, 0.5) / quantile(auto, 0.5)), speedupOfTotals: r3(sum(astar) / sum(auto)),
    sameCosts: `${agree}/${compared}`, equalsDijkstra: `${dijkstraAgree}/${Math.min(checked, compared)}`,
  };
}
