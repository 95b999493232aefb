/**
 * Routing bench: on the demo city's network and on real road graphs of 231k (Delhi) and 412k
 * (Moscow) nodes from /work/shared/data/roads-large, reports contraction-hierarchy preprocessing,
 * point-to-point query times (median, p99), 50-station one-to-many / many-to-one tables, and the
 * speed-up over ngraph.path's A* (Euclidean heuristic) on the same random pairs, with a check that
 * both find the same costs. Data folder: $ROADS_LARGE_DIR or ../shared/data/roads-large.
 * $ROUTE_BENCH_CITIES=delhi limits the large graphs (default delhi,moscow).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import createGraph from 'ngraph.graph';
import { aStar } from 'ngraph.path';
import { LocalFrame } from '../src/geo/LocalFrame';
import { demoRoadGraph } from '../test/support/demoPackage';
import { bidirectionalAStar } from '../src/route/bidirectionalAStar';
import { chManyToMany } from '../src/route/chManyToMany';
import { maxChordSpeed } from '../src/route/chordPotential';
import { chShortestPath } from '../src/route/chQuery';
import { contractGraph } from '../src/route/contractGraph';
import { dijkstraPath, growDijkstraTree } from '../src/route/dijkstra';
import { buildRoadGraph } from '../src/route/buildRoadGraph';
import { unitSpherePoints } from '../src/route/geodesy';
import { MinHeap } from '../src/route/MinHeap';
import type { RoadGraph } from '../src/route/RoadGraph';
import { SearchLabels } from '../src/route/SearchLabels';
import { nodeSeeds } from '../src/route/Seeds';

/** ngraph graph plus a heuristic vector per node: Euclidean distance between vectors <= travel time. */
interface Peer {
  graph: ReturnType<typeof createGraph<number[], number>>;
  oriented: boolean;
}

const ms = (t0: number) => performance.now() - t0;
const r3 = (v: number) => Math.round(v * 1000) / 1000;
const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** Nodes of the largest weakly connected component (pairs are drawn from it). */
function largestComponent(g: RoadGraph): Int32Array {
  const comp = new Int32Array(g.nodeCount).fill(-1);
  let best = -1, bestSize = 0;
  for (let s = 0, c = 0; s < g.nodeCount; s++) {
    if (comp[s] >= 0) continue;
    const stack = [s];
    comp[s] = c;
    let size = 0;
    while (stack.length) {
      const v = stack.pop()!;
      size++;
      for (let a = g.arcOffsets[v]; a < g.arcOffsets[v + 1]; a++) if (comp[g.arcTo[a]] < 0) { comp[g.arcTo[a]] = c; stack.push(g.arcTo[a]); }
      for (let k = g.inOffsets[v]; k < g.inOffsets[v + 1]; k++) { const u = g.arcFrom[g.inArcs[k]]; if (comp[u] < 0) { comp[u] = c; stack.push(u); } }
    }
    if (size > bestSize) { bestSize = size; best = c; }
    c++;
  }
  return Int32Array.from([...comp.keys()].filter((v) => comp[v] === best));
}

/** A roads-large graph: x, y per node (int32), 1-based from/to pairs, two-way, weight = Euclidean length / 10 m/s. */
function readRoadsLarge(dir: string, name: string) {
  const co = new Int32Array(readFileSync(resolve(dir, `${name}-roads.co.bin`)).buffer.slice(0));
  const gr = new Int32Array(readFileSync(resolve(dir, `${name}-roads.gr.bin`)).buffer.slice(0));
  const n = co.length / 2, speed = 10;
  // Positions only feed snapping and A*'s potentials, so any faithful placement will do: a local
  // frame with the dataset's units taken as centimetres.
  const frame = new LocalFrame(0, 0), ll = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) { const p = frame.toLonLat(co[2 * i] / 100, co[2 * i + 1] / 100); ll[2 * i] = p[0]; ll[2 * i + 1] = p[1]; }
  const from: number[] = [], to: number[] = [], len: number[] = [];
  const peer: Peer = { graph: createGraph<number[], number>(), oriented: false };
  for (let i = 0; i < n; i++) peer.graph.addNode(i, [co[2 * i] / speed, co[2 * i + 1] / speed]);
  for (let k = 0; k < gr.length; k += 2) {
    const a = gr[k] - 1, b = gr[k + 1] - 1, L = Math.hypot(co[2 * a] - co[2 * b], co[2 * a + 1] - co[2 * b + 1]);
    from.push(a, b); to.push(b, a); len.push(L, L);
    if (a !== b) peer.graph.addLink(a, b, L / speed);
  }
  const m = from.length, fill = (v: number) => new Array<number>(m).fill(v);
  const g = buildRoadGraph({ nodeLonLatDeg: ll, from, to, lengthM: len, speedMps: fill(speed), roadClass: fill(4), oneway: fill(0), line: fill(0), lines: [{ id: name, name }] });
  return { g, peer };
}

/** The demo network and an oriented ngraph copy (arcs, times), heuristic vectors from chord speed. */
function demoPeer(g: RoadGraph): Peer {
  const xyz = unitSpherePoints(g.nodeLonLatDeg), speed = maxChordSpeed(g, xyz, g.arcTimeS);
  const peer: Peer = { graph: createGraph<number[], number>(), oriented: true };
  for (let v = 0; v < g.nodeCount; v++) peer.graph.addNode(v, [xyz[3 * v] / speed, xyz[3 * v + 1] / speed, xyz[3 * v + 2] / speed]);
  for (let a = 0; a < g.arcCount; a++) peer.graph.addLink(g.arcFrom[a], g.arcTo[a], g.arcTimeS[a]);
  return peer;
}

function peerFinder(peer: Peer) {
  const finder = aStar<number[], number>(peer.graph, {
    oriented: peer.oriented,
    distance: (_a, _b, link) => link.data,
    heuristic: (a, b) => { let s = 0; for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2; return Math.sqrt(s); },
  });
  return (s: number, t: number): number => {
    const path = finder.find(s, t);
    if (path.length === 0) return s === t ? 0 : Infinity;
    let cost = 0;
    for (let i = path.length - 1; i > 0; i--) {
      const a = path[i].id, b = path[i - 1].id;
      const l = peer.graph.getLink(a, b) ?? (peer.oriented ? null : peer.graph.getLink(b, a));
      cost += l!.data;
    }
    return cost;
  };
}

function benchNetwork(g: RoadGraph, peer: Peer, seed: number) {
  const n = g.nodeCount, comp = largestComponent(g), rnd = random(seed);
  const pick = () => comp[Math.floor(rnd() * comp.length)];
  let t0 = performance.now();
  const ch = contractGraph(g);
  const preprocessS = ms(t0) / 1000;
  const ws = { fwd: new SearchLabels(n), bwd: new SearchLabels(n), fwdHeap: new MinHeap(n), bwdHeap: new MinHeap(n), xyz: unitSpherePoints(g.nodeLonLatDeg) };
  const speed = maxChordSpeed(g, ws.xyz, g.arcTimeS);
  const pairs = Array.from({ length: 1000 }, () => [pick(), pick()] as const);
  // Warm-up: JIT, and the garbage contraction left behind is collected before timing starts.
  for (const [s, t] of pairs.slice(0, 300)) chShortestPath(ch, nodeSeeds(s), nodeSeeds(t), ws);
  const chMs: number[] = [], chCost: number[] = [];
  for (const [s, t] of pairs) { t0 = performance.now(); const p = chShortestPath(ch, nodeSeeds(s), nodeSeeds(t), ws); chMs.push(ms(t0)); chCost.push(p?.costS ?? Infinity); }
  const peerPairs = pairs.slice(0, 200), find = peerFinder(peer);
  const ngMs: number[] = [], abMs: number[] = [];
  let agree = 0, maxRel = 0;
  peerPairs.forEach(([s, t], i) => {
    t0 = performance.now(); const c = find(s, t); ngMs.push(ms(t0));
    t0 = performance.now(); bidirectionalAStar(g, g.arcTimeS, speed, nodeSeeds(s), nodeSeeds(t), ws); abMs.push(ms(t0));
    const rel = c === chCost[i] ? 0 : Math.abs(c - chCost[i]) / Math.max(1e-9, chCost[i]);
    maxRel = Math.max(maxRel, rel);
    if (rel <= 1e-5) agree++;
  });
  let dijkstraAgree = 0;
  const labels = new SearchLabels(n), heap = new MinHeap(n);
  for (let i = 0; i < 20; i++) {
    const ref = dijkstraPath(g, g.arcTimeS, nodeSeeds(pairs[i][0]), nodeSeeds(pairs[i][1]), labels, heap)?.costS ?? Infinity;
    if (ref === chCost[i] || Math.abs(ref - chCost[i]) <= 1e-9 * ref) dijkstraAgree++;
  }
  const stations = Array.from({ length: 50 }, () => nodeSeeds(pick())), incident = nodeSeeds(pick());
  t0 = performance.now(); const toOne = chManyToMany(ch, stations, [incident], ws); const manyToOneMs = ms(t0);
  t0 = performance.now(); chManyToMany(ch, [incident], stations, ws); const oneToManyMs = ms(t0);
  t0 = performance.now();
  growDijkstraTree(g, g.arcTimeS, incident, { backward: true, untilSettled: stations.map((s) => s.nodes[0]) }, labels, heap);
  const dijkstraTreeMs = ms(t0);
  const tableAgrees = stations.every((s, i) => Math.abs(labels.get(s.nodes[0]) - toOne[i]) <= 1e-9 * Math.max(1, toOne[i]) || labels.get(s.nodes[0]) === toOne[i]);
  return {
    nodes: n, arcs: g.arcCount, pairsDrawnFromComponentOf: comp.length,
    preprocessing: { contractionS: r3(preprocessS), shortcuts: ch.shortcutCount },
    chQuery: { pairs: pairs.length, medianMs: r3(quantile(chMs, 0.5)), p99Ms: r3(quantile(chMs, 0.99)), meanMs: r3(sum(chMs) / chMs.length), note: 'includes unpacking the path' },
    vsNgraphAStar: {
      pairs: peerPairs.length, ngraphMedianMs: r3(quantile(ngMs, 0.5)), ngraphMeanMs: r3(sum(ngMs) / ngMs.length),
      chMedianMsSamePairs: r3(quantile(chMs.slice(0, 200), 0.5)),
      speedupOfMedians: r3(quantile(ngMs, 0.5) / quantile(chMs.slice(0, 200), 0.5)),
      speedupOfTotals: r3(sum(ngMs) / sum(chMs.slice(0, 200))),
      costsAgree: `${agree}/${peerPairs.length}`, maxRelativeCostDifference: maxRel,
      ourBidirectionalAStarMedianMs: r3(quantile(abMs, 0.5)),
    },
    chEqualsDijkstra: `${dijkstraAgree}/20`,
    stations50: { manyToOneMs: r3(manyToOneMs), oneToManyMs: r3(oneToManyMs), peerDijkstraTreeMs: r3(dijkstraTreeMs), tableEqualsDijkstra: tableAgrees },
  };
}

export async function run(): Promise<object> {
  const report: Record<string, unknown> = {};
  const demo = await demoRoadGraph();
  report.demo = benchNetwork(demo, demoPeer(demo), 1);
  const dir = process.env.ROADS_LARGE_DIR ?? resolve('../shared/data/roads-large');
  const cities = (process.env.ROUTE_BENCH_CITIES ?? 'delhi,moscow').split(',').filter(Boolean);
  for (const city of cities) {
    if (!existsSync(resolve(dir, `${city}-roads.co.bin`))) {
      report[city] = { skipped: `not found: ${resolve(dir, `${city}-roads.co.bin`)} (set ROADS_LARGE_DIR)` };
      continue;
    }
    const t0 = performance.now();
    const { g, peer } = readRoadsLarge(dir, city);
    const loadS = ms(t0) / 1000;
    report[city] = { loadS: r3(loadS), ...benchNetwork(g, peer, 2) };
    process.stderr.write(`route bench: ${city} done\n`);
  }
  return report;
}
