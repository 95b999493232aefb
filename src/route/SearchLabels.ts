/**
 * Per-node search labels (distance, parent node, parent edge, settled flag) that reset in O(1):
 * each entry carries the generation it was written in, and a new search bumps the generation.
 */
export class SearchLabels {
  readonly dist: Float64Array;
  readonly parentNode: Int32Array;
  readonly parentEdge: Int32Array;
  private readonly seen: Uint32Array;
  private readonly done: Uint32Array;
  private gen = 1;

  constructor(nodeCount: number) {
    this.dist = new Float64Array(nodeCount);
    this.parentNode = new Int32Array(nodeCount);
    this.parentEdge = new Int32Array(nodeCount);
    this.seen = new Uint32Array(nodeCount);
    this.done = new Uint32Array(nodeCount);
  }

  /** Forgets every label. */
  reset(): void {
    if (++this.gen === 0xffffffff) {
      this.seen.fill(0);
      this.done.fill(0);
      this.gen = 1;
    }
  }

  /** Tentative or final cost to v (s); Infinity when unreached. */
  get(v: number): number {
    return this.seen[v] === this.gen ? this.dist[v] : Infinity;
  }

  reached(v: number): boolean {
    return this.seen[v] === this.gen;
  }

  /** Records cost `d` at v via `edge` from `fromNode` (-1, -1 for a seed). */
  set(v: number, d: number, fromNode: number, edge: number): void {
    this.seen[v] = this.gen;
    this.dist[v] = d;
    this.parentNode[v] = fromNode;
    this.parentEdge[v] = edge;
  }

  settle(v: number): void {
    this.done[v] = this.gen;
  }

  settled(v: number): boolean {
    return this.done[v] === this.gen;
  }
}
