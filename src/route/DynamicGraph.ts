import { arcCode } from './ContractionHierarchy';
import type { RoadGraph } from './RoadGraph';

/**
 * The shrinking graph a contraction works on: per-node out and in lists of (neighbour, weight,
 * edge code), at most one edge per ordered pair. Preprocessing only, so plain arrays are fine.
 */
export class DynamicGraph {
  readonly nodeCount: number;
  readonly outN: number[][]; readonly outW: number[][]; readonly outC: number[][];
  readonly inN: number[][]; readonly inW: number[][]; readonly inC: number[][];

  private constructor(n: number) {
    this.nodeCount = n;
    const lists = () => Array.from({ length: n }, () => [] as number[]);
    this.outN = lists(); this.outW = lists(); this.outC = lists();
    this.inN = lists(); this.inW = lists(); this.inC = lists();
  }

  /** The graph's arcs with finite weight (parallel arcs were already merged by buildRoadGraph). */
  static fromRoadGraph(g: RoadGraph, weightsS: Float64Array): DynamicGraph {
    const d = new DynamicGraph(g.nodeCount);
    for (let a = 0; a < g.arcCount; a++) {
      if (weightsS[a] < Infinity) d.addOrImprove(g.arcFrom[a], g.arcTo[a], weightsS[a], arcCode(a));
    }
    return d;
  }

  inDegree(v: number): number { return this.inN[v].length; }
  outDegree(v: number): number { return this.outN[v].length; }

  forEachOut(v: number, f: (x: number, w: number, code: number) => void): void {
    for (let i = 0; i < this.outN[v].length; i++) f(this.outN[v][i], this.outW[v][i], this.outC[v][i]);
  }

  forEachIn(v: number, f: (u: number, w: number, code: number) => void): void {
    for (let i = 0; i < this.inN[v].length; i++) f(this.inN[v][i], this.inW[v][i], this.inC[v][i]);
  }

  /** Distinct in- and out-neighbours of v. */
  neighbours(v: number): number[] {
    const set = new Set<number>(this.outN[v]);
    for (const u of this.inN[v]) set.add(u);
    return [...set];
  }

  /** Adds u -> x, or lowers its weight when it exists and `weightS` is smaller. */
  addOrImprove(u: number, x: number, weightS: number, code: number): void {
    const outs = this.outN[u];
    for (let i = 0; i < outs.length; i++) {
      if (outs[i] !== x) continue;
      if (weightS < this.outW[u][i]) {
        this.outW[u][i] = weightS; this.outC[u][i] = code;
        const j = this.inN[x].indexOf(u);
        this.inW[x][j] = weightS; this.inC[x][j] = code;
      }
      return;
    }
    outs.push(x); this.outW[u].push(weightS); this.outC[u].push(code);
    this.inN[x].push(u); this.inW[x].push(weightS); this.inC[x].push(code);
  }

  /** Removes every edge touching v (v has been contracted). */
  isolate(v: number): void {
    for (const x of this.outN[v]) removeEntry(this.inN[x], this.inW[x], this.inC[x], v);
    for (const u of this.inN[v]) removeEntry(this.outN[u], this.outW[u], this.outC[u], v);
    this.outN[v] = []; this.outW[v] = []; this.outC[v] = [];
    this.inN[v] = []; this.inW[v] = []; this.inC[v] = [];
  }
}

function removeEntry(ns: number[], ws: number[], cs: number[], node: number): void {
  const i = ns.indexOf(node);
  if (i < 0) return;
  const last = ns.length - 1;
  ns[i] = ns[last]; ws[i] = ws[last]; cs[i] = cs[last];
  ns.pop(); ws.pop(); cs.pop();
}
