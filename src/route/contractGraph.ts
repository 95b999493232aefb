import type { ContractionHierarchy } from './ContractionHierarchy';
import { DynamicGraph } from './DynamicGraph';
import { MinHeap } from './MinHeap';
import type { RoadGraph } from './RoadGraph';
import { SearchLabels } from './SearchLabels';

/** Options of contractGraph. */
export interface ContractOptions {
  /** Called now and then with the share of nodes contracted (0..1). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Witness searches settle at most this many nodes when estimating a priority. Default 60. */
  estimateSettleLimit?: number;
  /** ... and when actually contracting (a miss only adds a redundant shortcut). Default 400. */
  contractSettleLimit?: number;
}

/**
 * Builds a contraction hierarchy (Geisberger et al. 2008) for `weightsS` (default free-flow travel
 * times; arcs with Infinity are left out). Node order: lazy-updated priority = edge difference +
 * contracted neighbours + depth, recomputed for the neighbours of each contracted node. Witness
 * searches are bounded, which can only add shortcuts, never lose a shortest path: queries stay exact.
 */
export function contractGraph(g: RoadGraph, weightsS: Float64Array = g.arcTimeS, opts: ContractOptions = {}): ContractionHierarchy {
  const n = g.nodeCount;
  const dyn = DynamicGraph.fromRoadGraph(g, weightsS);
  const contractor = new Contractor(dyn, opts.estimateSettleLimit ?? 60);
  const queue = new MinHeap(n);
  for (let v = 0; v < n; v++) queue.push(v, contractor.priority(v));
  const rank = new Uint32Array(n);
  const up = new EdgeCollector(), down = new EdgeCollector();
  const contractLimit = opts.contractSettleLimit ?? 400;
  let order = 0, shortcuts = 0;
  while (queue.size > 0) {
    const v = queue.pop();
    const p = contractor.priority(v);
    if (queue.size > 0 && p > queue.minKey()) { queue.push(v, p); continue; }
    rank[v] = order++;
    dyn.forEachOut(v, (x, w, code) => up.add(v, x, w, code));
    dyn.forEachIn(v, (u, w, code) => down.add(v, u, w, code));
    shortcuts += contractor.contract(v, contractLimit);
    const neighbours = dyn.neighbours(v);
    dyn.isolate(v);
    for (const x of neighbours) queue.set(x, contractor.priority(x));
    if ((order & 1023) === 0) {
      if (opts.signal?.aborted) throw new Error('contractGraph: aborted');
      opts.onProgress?.(order / n);
    }
  }
  opts.onProgress?.(1);
  const ups = up.toCsr(n), downs = down.toCsr(n);
  return {
    nodeCount: n, rank,
    upOffsets: ups.offsets, upTo: ups.other, upWeightS: ups.weight, upCode: ups.code,
    downOffsets: downs.offsets, downFrom: downs.other, downWeightS: downs.weight, downCode: downs.code,
    shortcutCount: shortcuts,
  };
}

/** Witness searches and shortcut insertion on the shrinking graph. */
class Contractor {
  private readonly labels: SearchLabels;
  private readonly heap: MinHeap;
  private readonly deleted: Uint32Array;
  private readonly depth: Uint32Array;

  constructor(private readonly dyn: DynamicGraph, private readonly estimateLimit: number) {
    this.labels = new SearchLabels(dyn.nodeCount);
    this.heap = new MinHeap(dyn.nodeCount);
    this.deleted = new Uint32Array(dyn.nodeCount);
    this.depth = new Uint32Array(dyn.nodeCount);
  }

  /** Edge difference (shortcuts needed - edges removed) + contracted neighbours + depth. */
  priority(v: number): number {
    const needed = this.shortcutsFor(v, this.estimateLimit, false);
    return 2 * (needed - this.dyn.inDegree(v) - this.dyn.outDegree(v)) + this.deleted[v] + this.depth[v];
  }

  /** Adds v's shortcuts to the graph and returns how many; updates neighbours' counters. */
  contract(v: number, settleLimit: number): number {
    const added = this.shortcutsFor(v, settleLimit, true);
    for (const x of this.dyn.neighbours(v)) {
      this.deleted[x]++;
      if (this.depth[x] < this.depth[v] + 1) this.depth[x] = this.depth[v] + 1;
    }
    return added;
  }

  /** For each in-neighbour u and out-neighbour x of v: is u -> v -> x the only shortest way? */
  private shortcutsFor(v: number, settleLimit: number, insert: boolean): number {
    const dyn = this.dyn;
    const outN = dyn.outN[v], outW = dyn.outW[v], inN = dyn.inN[v], inW = dyn.inW[v];
    let count = 0;
    for (let i = 0; i < inN.length; i++) {
      const u = inN[i], w1 = inW[i];
      let maxW2 = -1;
      for (let j = 0; j < outN.length; j++) if (outN[j] !== u && outW[j] > maxW2) maxW2 = outW[j];
      if (maxW2 < 0) continue;
      this.witnessSearch(u, v, w1 + maxW2, settleLimit);
      for (let j = 0; j < outN.length; j++) {
        const x = outN[j];
        if (x === u) continue;
        const via = w1 + outW[j];
        if (this.labels.get(x) <= via) continue;
        count++;
        if (insert) dyn.addOrImprove(u, x, via, v);
      }
    }
    return count;
  }

  /** Bounded Dijkstra from u that avoids `skip`: labels are costs of paths not through it. */
  private witnessSearch(u: number, skip: number, maxCost: number, settleLimit: number): void {
    const { labels, heap, dyn } = this;
    labels.reset();
    heap.clear();
    labels.set(u, 0, -1, -1);
    heap.push(u, 0);
    let settled = 0;
    while (heap.size > 0 && heap.minKey() <= maxCost && settled < settleLimit) {
      const a = heap.pop();
      settled++;
      const da = labels.dist[a], ns = dyn.outN[a], wsa = dyn.outW[a];
      for (let k = 0; k < ns.length; k++) {
        const b = ns[k];
        if (b === skip) continue;
        const d = da + wsa[k];
        if (d < labels.get(b)) { labels.set(b, d, -1, -1); heap.push(b, d); }
      }
    }
  }
}

/** Hierarchy edges grouped by the node they are stored at, then packed into CSR. */
class EdgeCollector {
  private at: number[] = [];
  private other: number[] = [];
  private weight: number[] = [];
  private code: number[] = [];

  add(at: number, other: number, weightS: number, code: number): void {
    this.at.push(at); this.other.push(other); this.weight.push(weightS); this.code.push(code);
  }

  toCsr(n: number) {
    const m = this.at.length;
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i < m; i++) offsets[this.at[i] + 1]++;
    for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
    const fill = offsets.slice(0, n);
    const other = new Uint32Array(m), weight = new Float64Array(m), code = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const k = fill[this.at[i]]++;
      other[k] = this.other[i]; weight[k] = this.weight[i]; code[k] = this.code[i];
    }
    return { offsets, other, weight, code };
  }
}
