/** A point where a segment must be split: segment index, parameter along it (0..1), plane meters. */
export interface SplitPoint {
  segment: number;
  t: number;
  xM: number;
  yM: number;
}

/** Segments in plane meters: endpoints a -> b, plus the line each belongs to and its index there. */
export interface PlaneSegments {
  ax: Float64Array; ay: Float64Array; bx: Float64Array; by: Float64Array;
  line: Uint32Array; index: Uint32Array;
}

/**
 * Finds where segments cross or touch (within `toleranceM`), so lines that are not noded become a
 * graph. Segments go into a spatial hash (cells about twice the median segment length, buckets by
 * counting sort), then only pairs sharing a bucket are tested: O(n) for road-like input. A pair is
 * reported once, by the bucket that holds its crossing point. Parallel overlaps are not split.
 */
export function findCrossings(s: PlaneSegments, toleranceM: number): SplitPoint[] {
  const n = s.ax.length;
  if (n < 2) return [];
  const cell = cellSizeM(s);
  const { bucketStart, entries, mask } = hashSegments(s, cell, 3 * toleranceM);
  const out: SplitPoint[] = [];
  for (let b = 0; b < bucketStart.length - 1; b++) {
    const start = bucketStart[b], end = bucketStart[b + 1];
    for (let i = start; i < end; i++) {
      const p = entries[i];
      if (i > start && entries[i - 1] === p) continue;
      for (let j = i + 1; j < end; j++) {
        const q = entries[j];
        if (q === p || entries[j - 1] === q) continue;
        if (s.line[p] === s.line[q] && Math.abs(s.index[p] - s.index[q]) <= 1) continue;
        crossPair(s, p, q, toleranceM, (x, y) => bucketOf(Math.floor(x / cell), Math.floor(y / cell), mask) === b, out);
      }
    }
  }
  return out;
}

function cellSizeM(s: PlaneSegments): number {
  const lengths = Array.from(s.ax, (_, i) => Math.hypot(s.bx[i] - s.ax[i], s.by[i] - s.ay[i])).sort((a, b) => a - b);
  return Math.min(1000, Math.max(10, 2 * lengths[lengths.length >> 1]));
}

function bucketOf(cx: number, cy: number, mask: number): number {
  return (Math.imul(cx, 73856093) ^ Math.imul(cy, 19349663)) & mask;
}

/** Counting sort of (bucket, segment) entries for every cell each segment's bounding box touches. */
function hashSegments(s: PlaneSegments, cell: number, tol: number) {
  const keys: number[] = [], segs: number[] = [];
  const n = s.ax.length;
  const ranges = new Int32Array(4 * n);
  let entryCount = 0;
  for (let i = 0; i < n; i++) {
    ranges[4 * i] = Math.floor((Math.min(s.ax[i], s.bx[i]) - tol) / cell);
    ranges[4 * i + 1] = Math.floor((Math.max(s.ax[i], s.bx[i]) + tol) / cell);
    ranges[4 * i + 2] = Math.floor((Math.min(s.ay[i], s.by[i]) - tol) / cell);
    ranges[4 * i + 3] = Math.floor((Math.max(s.ay[i], s.by[i]) + tol) / cell);
    entryCount += (ranges[4 * i + 1] - ranges[4 * i] + 1) * (ranges[4 * i + 3] - ranges[4 * i + 2] + 1);
  }
  let size = 1;
  while (size < 2 * entryCount) size *= 2;
  const mask = size - 1;
  for (let i = 0; i < n; i++) {
    for (let cx = ranges[4 * i]; cx <= ranges[4 * i + 1]; cx++) {
      for (let cy = ranges[4 * i + 2]; cy <= ranges[4 * i + 3]; cy++) { keys.push(bucketOf(cx, cy, mask)); segs.push(i); }
    }
  }
  const bucketStart = new Uint32Array(size + 1);
  for (const k of keys) bucketStart[k + 1]++;
  for (let b = 0; b < size; b++) bucketStart[b + 1] += bucketStart[b];
  const fill = bucketStart.slice(0, size);
  const entries = new Uint32Array(keys.length);
  for (let e = 0; e < keys.length; e++) entries[fill[keys[e]]++] = segs[e];
  return { bucketStart, entries, mask };
}

/**
 * Intersects segments p and q with a tolerance along each; a touch at an endpoint of one splits
 * the other at exactly that endpoint, so the vertex merger joins them.
 */
function crossPair(s: PlaneSegments, p: number, q: number, tol: number, owns: (x: number, y: number) => boolean, out: SplitPoint[]): void {
  const px = s.ax[p], py = s.ay[p], rx = s.bx[p] - px, ry = s.by[p] - py;
  const qx = s.ax[q], qy = s.ay[q], sx = s.bx[q] - qx, sy = s.by[q] - qy;
  const denom = rx * sy - ry * sx;
  const lenP = Math.hypot(rx, ry), lenQ = Math.hypot(sx, sy);
  if (lenP === 0 || lenQ === 0 || Math.abs(denom) < 1e-9 * lenP * lenQ) return;
  const wx = qx - px, wy = qy - py;
  const t = (wx * sy - wy * sx) / denom, u = (wx * ry - wy * rx) / denom;
  const epsT = tol / lenP, epsU = tol / lenQ;
  if (t < -epsT || t > 1 + epsT || u < -epsU || u > 1 + epsU) return;
  const tEnd = t <= epsT ? 0 : t >= 1 - epsT ? 1 : -1;
  const uEnd = u <= epsU ? 0 : u >= 1 - epsU ? 1 : -1;
  if (tEnd >= 0 && uEnd >= 0) return; // two endpoints meet: merging vertices joins them
  let x: number, y: number;
  if (tEnd >= 0) { x = px + tEnd * rx; y = py + tEnd * ry; }
  else if (uEnd >= 0) { x = qx + uEnd * sx; y = qy + uEnd * sy; }
  else { x = px + t * rx; y = py + t * ry; }
  if (!owns(x, y)) return;
  if (tEnd < 0) out.push({ segment: p, t: Math.min(1, Math.max(0, t)), xM: x, yM: y });
  if (uEnd < 0) out.push({ segment: q, t: Math.min(1, Math.max(0, u)), xM: x, yM: y });
}
