/**
 * Routing bench: on the demo city's network, on real road graphs of 231k (Delhi) and 412k (Moscow)
 * nodes from /work/shared/data/roads-large, and on synthetic megacity grids of 10^5 and 10^6 nodes:
 * contraction-hierarchy preprocessing, network.bin load time with the hierarchy stored against
 * rebuilding it, point-to-point query times (median, p99), re-routing around a closure, 50-station
 * one-to-many / many-to-one tables, each beside a peer in the same run (ngraph.path's A* with a
 * Euclidean heuristic on the real graphs, our bidirectional A*, Dijkstra) with a check that they
 * find the same costs. Data folder: $ROADS_LARGE_DIR or ../shared/data/roads-large.
 * $ROUTE_BENCH_CITIES=delhi limits the large graphs (default delhi,moscow); $ROUTE_BENCH_SIZES
 * the synthetic grids (default 100000,1000000; '' for none); $ROUTE_BENCH_PACKAGES=demo-1m,DIR adds
 * the network.bin of city packages (names under tilesets/ or paths), e.g. a scaled demo city. The whole run takes ~12 minutes on 2
 * cores (the 10^6-node contraction ~6 of them); it was measured with NODE_OPTIONS=--max-old-space-size=10240.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoRoadGraph } from '../test/support/demoPackage';
import { openCityPackage } from '../src/pipeline/package/openCityPackage';
import { decodeRoadGraph } from '../src/route/roadGraphCodec';
import { bidirectionalAStar } from '../src/route/bidirectionalAStar';
import { chManyToMany } from '../src/route/chManyToMany';
import { maxChordSpeed } from '../src/route/chordPotential';
import { chShortestPath } from '../src/route/chQuery';
import { contractGraph } from '../src/route/contractGraph';
import { dijkstraPath, growDijkstraTree } from '../src/route/dijkstra';
import { unitSpherePoints } from '../src/route/geodesy';
import { MinHeap } from '../src/route/MinHeap';
import type { RoadGraph } from '../src/route/RoadGraph';
import { SearchLabels } from '../src/route/SearchLabels';
import { nodeSeeds } from '../src/route/Seeds';
import { largestComponent, ms, quantile, r3, random, sum } from './route/benchStats';
import { closureQueries } from './route/closureQueries';
import { gridCityGraph } from './route/gridCity';
import { demoPeer, peerFinder, readRoadsLarge, type Peer } from './route/roadsLarge';
import { storedHierarchyLoad } from './route/storedHierarchyLoad';

const log = (line: string) => process.stderr.write(`route bench: ${line}\n`);

/** Hierarchy build, stored load, queries against bidirectional A* and Dijkstra, tables, closures. */
function benchHierarchy(g: RoadGraph, seed: number) {
  const n = g.nodeCount, comp = largestComponent(g), rnd = random(seed);
  const pick = () => comp[Math.floor(rnd() * comp.length)];
  let t0 = performance.now();
  const ch = contractGraph(g);
  const contractionS = ms(t0) / 1000;
  log(`${n} nodes contracted in ${contractionS.toFixed(1)} s`);
  const ws = { fwd: new SearchLabels(n), bwd: new SearchLabels(n), fwdHeap: new MinHeap(n), bwdHeap: new MinHeap(n), xyz: unitSpherePoints(g.nodeLonLatDeg) };
  const speed = maxChordSpeed(g, ws.xyz, g.arcTimeS);
  const pairs = Array.from({ length: 1000 }, () => [pick(), pick()] as const);
  // Warm-up: JIT, and the garbage contraction left behind is collected before timing starts.
  for (const [s, t] of pairs.slice(0, 300)) chShortestPath(ch, nodeSeeds(s), nodeSeeds(t), ws);
  const chMs: number[] = [], chCost: number[] = [];
  for (const [s, t] of pairs) { t0 = performance.now(); const p = chShortestPath(ch, nodeSeeds(s), nodeSeeds(t), ws); chMs.push(ms(t0)); chCost.push(p?.costS ?? Infinity); }
  // Straight-line A* needs ~1 s a query on a 10^6-node grid: fewer peer pairs there.
  const peerCount = n > 500_000 ? 30 : 100;
  const abMs: number[] = [];
  for (const [s, t] of pairs.slice(0, peerCount)) { t0 = performance.now(); bidirectionalAStar(g, g.arcTimeS, speed, nodeSeeds(s), nodeSeeds(t), ws); abMs.push(ms(t0)); }
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
  const report = {
    nodes: n, arcs: g.arcCount, pairsDrawnFromComponentOf: comp.length,
    preprocessing: { contractionS: r3(contractionS), shortcuts: ch.shortcutCount, rssMB: Math.round(process.memoryUsage().rss / 1e6) },
    storedHierarchy: storedHierarchyLoad(g, ch, contractionS),
    chQuery: {
      pairs: pairs.length, medianMs: r3(quantile(chMs, 0.5)), p99Ms: r3(quantile(chMs, 0.99)), meanMs: r3(sum(chMs) / chMs.length), note: 'includes unpacking the path',
      peerBidirectionalAStarMedianMs: r3(quantile(abMs, 0.5)), peerPairs: peerCount, speedupOverBidirectionalAStar: r3(quantile(abMs, 0.5) / quantile(chMs.slice(0, peerCount), 0.5)),
    },
    chEqualsDijkstra: `${dijkstraAgree}/20`,
    rerouteAroundClosure: closureQueries(g, ch, pairs.slice(0, peerCount)),
    stations50: { manyToOneMs: r3(manyToOneMs), oneToManyMs: r3(oneToManyMs), peerDijkstraTreeMs: r3(dijkstraTreeMs), tableEqualsDijkstra: tableAgrees },
  };
  return { report, pairs, chMs, chCost };
}

/** ngraph.path's A* on the same pairs as the hierarchy. */
function vsNgraph(peer: Peer, pairs: ReadonlyArray<readonly [number, number]>, chMs: number[], chCost: number[]) {
  const peerPairs = pairs.slice(0, 200), find = peerFinder(peer);
  const ngMs: number[] = [];
  let agree = 0, maxRel = 0;
  peerPairs.forEach(([s, t], i) => {
    const t0 = performance.now(); const c = find(s, t); ngMs.push(ms(t0));
    const rel = c === chCost[i] ? 0 : Math.abs(c - chCost[i]) / Math.max(1e-9, chCost[i]);
    maxRel = Math.max(maxRel, rel);
    if (rel <= 1e-5) agree++;
  });
  return {
    pairs: peerPairs.length, ngraphMedianMs: r3(quantile(ngMs, 0.5)), ngraphMeanMs: r3(sum(ngMs) / ngMs.length),
    chMedianMsSamePairs: r3(quantile(chMs.slice(0, 200), 0.5)),
    speedupOfMedians: r3(quantile(ngMs, 0.5) / quantile(chMs.slice(0, 200), 0.5)),
    speedupOfTotals: r3(sum(ngMs) / sum(chMs.slice(0, 200))),
    costsAgree: `${agree}/${peerPairs.length}`, maxRelativeCostDifference: maxRel,
  };
}

function benchNetwork(g: RoadGraph, peer: Peer, seed: number) {
  const { report, pairs, chMs, chCost } = benchHierarchy(g, seed);
  return { ...report, vsNgraphAStar: vsNgraph(peer, pairs, chMs, chCost) };
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
    log(`${city} done`);
  }
  for (const name of (process.env.ROUTE_BENCH_PACKAGES ?? '').split(',').filter(Boolean)) {
    const network = await (await openCityPackage(name)).network();
    if (!network) { report[`package:${name}`] = { skipped: 'the package has no network.bin' }; continue; }
    const g = decodeRoadGraph(network, `${name}/network.bin`);
    report[`package:${name}`] = benchNetwork(g, demoPeer(g), 5);
    log(`package ${name} done`);
  }
  const sizes = (process.env.ROUTE_BENCH_SIZES ?? '100000,1000000').split(',').filter(Boolean).map(Number);
  for (const size of sizes) {
    const t0 = performance.now();
    const g = gridCityGraph(size, 3);
    const buildS = ms(t0) / 1000;
    report[`megacityGrid${size}`] = { kind: 'synthetic grid city (bench/route/gridCity.ts)', buildGraphS: r3(buildS), ...benchHierarchy(g, 4).report };
    log(`grid of ${size} nodes done`);
  }
  return report;
}
