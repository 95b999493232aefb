import { describe, expect, it } from 'vitest';
import { demoRoadGraph } from '../pipeline/network/demoRoadGraph';
import { ChPotentials } from './chPotentials';
import { contractGraph } from './contractGraph';
import { dijkstraPath, growDijkstraTree } from './dijkstra';
import { MinHeap } from './MinHeap';
import { RouteOverrides } from './RouteOverrides';
import { SearchLabels } from './SearchLabels';
import { nodeSeeds } from './Seeds';

const g = demoRoadGraph();
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
