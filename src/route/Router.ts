import { bidirectionalAStar, type BidirectionalWorkspace } from './bidirectionalAStar';
import { chManyToMany } from './chManyToMany';
import { maxChordSpeed } from './chordPotential';
import { ChPotentials } from './chPotentials';
import { chShortestPath } from './chQuery';
import { contractGraph, type ContractOptions } from './contractGraph';
import type { ContractionHierarchy } from './ContractionHierarchy';
import { dijkstraPath, growDijkstraTree, tracePath } from './dijkstra';
import { unitSpherePoints } from './geodesy';
import { MinHeap } from './MinHeap';
import type { DecodedNetwork } from './roadGraphCodec';
import type { RoadGraph } from './RoadGraph';
import { RouteOverrides } from './RouteOverrides';
import { assembleRoute, sameSegmentRoute, type RouteAlgorithm, type RouteResult } from './RouteResult';
import { SearchLabels } from './SearchLabels';
import type { ArcPath, Seeds } from './Seeds';
import { SnapIndex, type Snap } from './SnapIndex';
import { sameSegmentCostS, sourceSeeds, targetSeeds } from './snapSeeds';

/** Nodes a backward search from the destination settles before A* takes over (see searchWithPotentials). */
const CUT_OFF_PROBE_NODES = 1000;

/** [lonDeg, latDeg]. */
export type LonLat = [number, number];

/** Which search answers point-to-point queries; 'auto' = hierarchy when it is exact, else A*. */
export type RouteMethod = 'auto' | 'ch' | 'astar' | 'dijkstra';

/**
 * Routing over one RoadGraph: snapping, exact point-to-point queries, travel-time tables and
 * shortest-path trees, with closures and slowdowns (RouteOverrides) applied at query time.
 *
 * Exactness under overrides: the hierarchy is built on free-flow times and overrides only raise
 * times, so a hierarchy path that uses no overridden arc is still optimal (it kept its cost, and no
 * other path got cheaper). 'auto' checks that and otherwise reruns the query as A* on the
 * overridden times guided by the hierarchy's free-flow times (exact lower bounds: ChPotentials),
 * so closures need no rebuild; tables fall back to plain Dijkstra trees while overrides are active.
 */
export class Router {
  readonly graph: RoadGraph;
  readonly snapIndex: SnapIndex;
  readonly ch: ContractionHierarchy | null;
  readonly overrides = new RouteOverrides();
  /** Max snapping distance (m): farther points are "off the network". */
  maxSnapM = 2000;
  private weights: Float64Array;
  private weightsVersion = 0;
  private readonly ws: BidirectionalWorkspace;
  private readonly chordSpeed: number;
  private readonly treeLabels: SearchLabels;
  private readonly treeHeap: MinHeap;
  private potentials: ChPotentials | null = null;

  constructor(graph: RoadGraph, ch: ContractionHierarchy | null = null) {
    if (ch && ch.nodeCount !== graph.nodeCount) throw new Error(`Router: hierarchy has ${ch.nodeCount} nodes, graph ${graph.nodeCount}`);
    this.graph = graph;
    this.ch = ch;
    this.snapIndex = new SnapIndex(graph);
    const n = graph.nodeCount;
    this.ws = { fwd: new SearchLabels(n), bwd: new SearchLabels(n), fwdHeap: new MinHeap(n), bwdHeap: new MinHeap(n), xyz: unitSpherePoints(graph.nodeLonLatDeg) };
    this.chordSpeed = maxChordSpeed(graph, this.ws.xyz, graph.arcTimeS);
    this.treeLabels = new SearchLabels(n);
    this.treeHeap = new MinHeap(n);
    this.weights = graph.arcTimeS;
  }

  /** A router with a contraction hierarchy built on free-flow times (the slow part: seconds per 100k nodes). */
  static withHierarchy(graph: RoadGraph, opts: ContractOptions = {}): Router {
    return new Router(graph, contractGraph(graph, graph.arcTimeS, opts));
  }

  /**
   * A router on a decoded network.bin: on its stored hierarchy, else (a file written without one)
   * on a hierarchy built now when `build` is true, else on none (A* and Dijkstra only).
   */
  static fromNetwork(network: DecodedNetwork, build = true, opts: ContractOptions = {}): Router {
    if (network.hierarchy || !build) return new Router(network.graph, network.hierarchy);
    return Router.withHierarchy(network.graph, opts);
  }

  /** Current per-arc times (s) with overrides applied. */
  weightsS(): Float64Array {
    if (this.overrides.size === 0) return this.graph.arcTimeS;
    if (this.weightsVersion !== this.overrides.version || this.weights === this.graph.arcTimeS) {
      this.weights = this.overrides.applyTo(this.graph.arcTimeS);
      this.weightsVersion = this.overrides.version;
    }
    return this.weights;
  }

  /** The nearest open road to a point, or null when none is within maxSnapM. */
  snap(lonLat: LonLat): Snap | null {
    const w = this.weightsS();
    return this.snapIndex.nearest(lonLat[0], lonLat[1], this.maxSnapM, (a) => w[a] < Infinity);
  }

  /** Fastest route between two points (snapped to the road), or null when unreachable or off-network. */
  route(from: LonLat, to: LonLat, method: RouteMethod = 'auto'): RouteResult | null {
    const a = this.snap(from), b = this.snap(to);
    return a && b ? this.routeSnaps(a, b, method) : null;
  }

  /**
   * Fastest route between two snapped points. 'ch' forces the hierarchy and so ignores overrides
   * (free-flow times); 'auto' is exact with them.
   */
  routeSnaps(from: Snap, to: Snap, method: RouteMethod = 'auto'): RouteResult | null {
    const g = this.graph;
    const found = this.search(from, to, method);
    const w = found?.weightsS ?? this.weightsS();
    const direct = sameSegmentCostS(from, to, w);
    if (direct <= (found?.path.costS ?? Infinity)) return direct < Infinity ? sameSegmentRoute(g, from, to, direct) : null;
    return found ? assembleRoute(g, found.weightsS, found.path, from, to, found.algorithm) : null;
  }

  private search(from: Snap, to: Snap, method: RouteMethod): { path: ArcPath; algorithm: RouteAlgorithm; weightsS: Float64Array } | null {
    const g = this.graph, w = this.weightsS();
    if (method === 'dijkstra') {
      const path = dijkstraPath(g, w, sourceSeeds(g, from, w), targetSeeds(g, to, w), this.ws.fwd, this.ws.fwdHeap);
      return path && { path, algorithm: 'dijkstra', weightsS: w };
    }
    if (this.ch && (method === 'ch' || (method === 'auto' && this.hierarchyUsable(from, to)))) {
      const base = g.arcTimeS;
      const path = chShortestPath(this.ch, sourceSeeds(g, from, base), targetSeeds(g, to, base), this.ws);
      // Unreachable on free-flow times stays unreachable with closures (times only rise).
      if (method === 'ch' || !path || !path.arcs.some((arc) => this.overrides.has(arc))) return path && { path, algorithm: 'ch', weightsS: base };
    }
    if (this.ch && method === 'auto') {
      const path = this.searchWithPotentials(this.ch, sourceSeeds(g, from, w), targetSeeds(g, to, w), w);
      return path && { path, algorithm: 'ch-astar', weightsS: w };
    }
    const path = bidirectionalAStar(g, w, this.chordSpeed, sourceSeeds(g, from, w), targetSeeds(g, to, w), this.ws);
    return path && { path, algorithm: 'bidirectional-astar', weightsS: w };
  }

  /**
   * Exact search on overridden times: A* guided by the hierarchy's free-flow times (ChPotentials).
   * A closure that cuts the destination off leaves it a small region that a short backward search
   * exhausts first and answers from, where A* would sweep the whole city before finding no way in.
   */
  private searchWithPotentials(ch: ContractionHierarchy, sources: Seeds, targets: Seeds, w: Float64Array): ArcPath | null {
    const g = this.graph, labels = this.treeLabels;
    growDijkstraTree(g, w, targets, { backward: true, maxSettled: CUT_OFF_PROBE_NODES }, labels, this.treeHeap);
    if (this.treeHeap.size === 0) {
      let best = Infinity, start = -1;
      for (let i = 0; i < sources.nodes.length; i++) {
        const c = sources.costsS[i] + labels.get(sources.nodes[i]);
        if (c < best) { best = c; start = sources.nodes[i]; }
      }
      return start < 0 ? null : { costS: best, ...tracePath(labels, start, true) };
    }
    const pot = (this.potentials ??= new ChPotentials(ch, this.ws.bwd, this.ws.bwdHeap));
    pot.setTargets(targets);
    return dijkstraPath(g, w, sources, targets, this.ws.fwd, this.ws.fwdHeap, (v) => pot.potential(v));
  }

  /** True when no snapped segment is overridden (the arcs of a hierarchy path are checked after). */
  private hierarchyUsable(from: Snap, to: Snap): boolean {
    if (this.overrides.size === 0) return true;
    const o = this.overrides;
    return ![from.arc, from.reverse, to.arc, to.reverse].some((a) => a >= 0 && o.has(a));
  }

  /** True when a route drives over an arc that is now closed or slowed: time to re-route. */
  isAffected(route: RouteResult): boolean {
    return route.arcs.some((a) => a >= 0 && this.overrides.has(a));
  }

  /**
   * Travel times (s) from each source to each target, row-major [i * targets + j]; Infinity when
   * unreachable or off-network. Hierarchy buckets without overrides, Dijkstra trees with them.
   */
  travelTimeTable(sources: LonLat[], targets: LonLat[]): Float64Array {
    return this.travelTimeTableSnaps(sources.map((p) => this.snap(p)), targets.map((p) => this.snap(p)));
  }

  /** travelTimeTable for points already snapped (null = off-network). */
  travelTimeTableSnaps(sources: Array<Snap | null>, targets: Array<Snap | null>): Float64Array {
    const g = this.graph, w = this.weightsS(), T = targets.length;
    const none: Seeds = { nodes: [], costsS: [] };
    const src = sources.map((s) => (s ? sourceSeeds(g, s, w) : none)), dst = targets.map((t) => (t ? targetSeeds(g, t, w) : none));
    const table = this.ch && this.overrides.size === 0 ? chManyToMany(this.ch, src, dst, this.ws) : this.tableByTrees(src, dst);
    sources.forEach((s, i) => targets.forEach((t, j) => {
      if (s && t) table[i * T + j] = Math.min(table[i * T + j], sameSegmentCostS(s, t, w));
    }));
    return table;
  }

  private tableByTrees(src: Seeds[], dst: Seeds[]): Float64Array {
    const T = dst.length, table = new Float64Array(src.length * T).fill(Infinity);
    const backward = dst.length <= src.length;
    const roots = backward ? dst : src, others = backward ? src : dst;
    const wanted = others.flatMap((s) => Array.from(s.nodes));
    roots.forEach((root, r) => {
      growDijkstraTree(this.graph, this.weightsS(), root, { backward, untilSettled: wanted }, this.treeLabels, this.treeHeap);
      others.forEach((o, k) => {
        let best = Infinity;
        for (let i = 0; i < o.nodes.length; i++) best = Math.min(best, this.treeLabels.get(o.nodes[i]) + o.costsS[i]);
        table[backward ? k * T + r : r * T + k] = best;
      });
    });
    return table;
  }

  /**
   * Cost (s) from the nearest of `origins` to every node (backward: from every node to the nearest
   * origin), up to maxCostS (Infinity beyond). A fresh array the caller owns.
   */
  nodeCostsFrom(origins: Array<Snap | null>, maxCostS = Infinity, backward = false): Float64Array {
    const g = this.graph, w = this.weightsS();
    const nodes: number[] = [], costsS: number[] = [];
    for (const s of origins) {
      if (!s) continue;
      const seeds = backward ? targetSeeds(g, s, w) : sourceSeeds(g, s, w);
      for (let i = 0; i < seeds.nodes.length; i++) { nodes.push(seeds.nodes[i]); costsS.push(seeds.costsS[i]); }
    }
    growDijkstraTree(g, w, { nodes, costsS }, { maxCostS, backward }, this.treeLabels, this.treeHeap);
    const out = new Float64Array(g.nodeCount);
    for (let v = 0; v < g.nodeCount; v++) out[v] = this.treeLabels.settled(v) ? this.treeLabels.dist[v] : Infinity;
    return out;
  }

  /** Cost (s) to reach a snapped point given forward node costs from nodeCostsFrom. */
  costToSnap(nodeCostsS: Float64Array, s: Snap): number {
    const seeds = targetSeeds(this.graph, s, this.weightsS());
    let best = Infinity;
    for (let i = 0; i < seeds.nodes.length; i++) best = Math.min(best, nodeCostsS[seeds.nodes[i]] + seeds.costsS[i]);
    return best;
  }
}
