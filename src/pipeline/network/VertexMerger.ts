/**
 * Turns plane points into node ids, giving points closer than `toleranceM` the same node: a hash
 * grid with cells of the tolerance, so each lookup checks the 3 x 3 cells around the point (O(1)).
 */
export class VertexMerger {
  readonly toleranceM: number;
  private readonly heads = new Map<number, number>();
  private next: number[] = [];
  /** Plane meters of each node, interleaved x, y (the first point that created it). */
  readonly xyM: number[] = [];

  constructor(toleranceM = 0.5) {
    if (!(toleranceM > 0)) throw new Error(`VertexMerger: toleranceM expects a positive number, got ${toleranceM}`);
    this.toleranceM = toleranceM;
  }

  get count(): number {
    return this.xyM.length / 2;
  }

  /** The node at (x, y) (plane meters): an existing one within the tolerance, else a new one. */
  add(xM: number, yM: number): number {
    const cx = Math.floor(xM / this.toleranceM), cy = Math.floor(yM / this.toleranceM);
    let best = -1, bestD2 = this.toleranceM * this.toleranceM;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (let v = this.heads.get(cellKey(cx + dx, cy + dy)) ?? -1; v >= 0; v = this.next[v]) {
          const ex = this.xyM[2 * v] - xM, ey = this.xyM[2 * v + 1] - yM;
          const d2 = ex * ex + ey * ey;
          if (d2 <= bestD2) { bestD2 = d2; best = v; }
        }
      }
    }
    if (best >= 0) return best;
    const id = this.count;
    this.xyM.push(xM, yM);
    const key = cellKey(cx, cy);
    this.next.push(this.heads.get(key) ?? -1);
    this.heads.set(key, id);
    return id;
  }
}

/** A unique safe-integer key for cell (cx, cy) while |cx|, |cy| < 2^25. */
function cellKey(cx: number, cy: number): number {
  return (cx + 33554432) * 67108864 + (cy + 33554432);
}
