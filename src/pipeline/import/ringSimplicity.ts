type Point = readonly [number, number];

/** Whether a ring is simple, crosses itself, or has too many overlapping edges to tell in time. */
export type RingSimplicity = 'simple' | 'self-intersecting' | 'too-complex';

/**
 * Edge pairs with overlapping x ranges a check tests at most (about a second): a real footprint
 * needs a few per edge; only a comb of thousands of edges that all span the ring reaches it.
 */
export const MAX_EDGE_PAIR_TESTS = 50_000_000;

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** True when r lies in the bounding box of p-q (used once r is known collinear with p-q). */
function within(px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean {
  return Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
}

/** True when segments a-b and c-d cross or touch. */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orient(a[0], a[1], b[0], b[1], c[0], c[1]), o2 = orient(a[0], a[1], b[0], b[1], d[0], d[1]);
  const o3 = orient(c[0], c[1], d[0], d[1], a[0], a[1]), o4 = orient(c[0], c[1], d[0], d[1], b[0], b[1]);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
  return (o1 === 0 && within(a[0], a[1], b[0], b[1], c[0], c[1])) || (o2 === 0 && within(a[0], a[1], b[0], b[1], d[0], d[1])) ||
    (o3 === 0 && within(c[0], c[1], d[0], d[1], a[0], a[1])) || (o4 === 0 && within(c[0], c[1], d[0], d[1], b[0], b[1]));
}

/**
 * Whether two non-adjacent edges of an open ring touch or cross, by a sweep over x: edges sorted
 * by their left end, each tested only against the edges whose x range still overlaps it (and whose
 * y range does too). O(n log n) for footprints (a 10^6-vertex ring in about a second) instead of
 * testing all n² pairs; gives up with 'too-complex' past `maxPairTests` candidate pairs.
 */
export function ringSimplicity(ring: ReadonlyArray<Point>, maxPairTests = MAX_EDGE_PAIR_TESTS): RingSimplicity {
  const n = ring.length;
  const minX = new Float64Array(n), maxX = new Float64Array(n), minY = new Float64Array(n), maxY = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = ring[i], q = ring[(i + 1) % n];
    minX[i] = Math.min(p[0], q[0]); maxX[i] = Math.max(p[0], q[0]);
    minY[i] = Math.min(p[1], q[1]); maxY[i] = Math.max(p[1], q[1]);
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => minX[a] - minX[b]);
  const active = new Uint32Array(n);
  let activeCount = 0, tests = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k], x0 = minX[i];
    let kept = 0;
    for (let m = 0; m < activeCount; m++) {
      const j = active[m];
      if (maxX[j] < x0) continue; // ended left of this edge: out of the sweep for good
      active[kept++] = j;
      if (maxY[j] < minY[i] || minY[j] > maxY[i]) continue;
      const gap = i > j ? i - j : j - i;
      if (gap === 1 || gap === n - 1) continue; // adjacent edges share a vertex by construction
      if (++tests > maxPairTests) return 'too-complex';
      if (segmentsCross(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n])) return 'self-intersecting';
    }
    active[kept++] = i;
    activeCount = kept;
  }
  return 'simple';
}
