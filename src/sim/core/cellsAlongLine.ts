import { cellIndexAt, type RasterGrid } from './RasterGrid';

/**
 * Distinct cells crossed by the segment from `a` to `b` (plane meters), sampled every quarter cell,
 * in order from a; cells where skip(k) is true (walls) and points off the grid are left out.
 */
export function cellsAlongLine(grid: RasterGrid, a: readonly [number, number], b: readonly [number, number], skip?: (k: number) => boolean): number[] {
  const n = Math.max(1, Math.ceil((4 * Math.hypot(b[0] - a[0], b[1] - a[1])) / grid.cellSizeM));
  const seen = new Set<number>(), out: number[] = [];
  for (let s = 0; s <= n; s++) {
    const k = cellIndexAt(grid, a[0] + ((b[0] - a[0]) * s) / n, a[1] + ((b[1] - a[1]) * s) / n);
    if (k < 0 || seen.has(k) || skip?.(k)) continue;
    seen.add(k);
    out.push(k);
  }
  return out;
}
