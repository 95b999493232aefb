import type { RasterGrid } from '../core/RasterGrid';

/**
 * Sets `mask[k] = 1` for every cell whose centre lies inside one of the rings (plane meters,
 * closed or not, either orientation; even-odd rule). A scanline fill: per row of cell centres,
 * the ring's crossings are sorted and the spans between pairs filled. Returns the cells set.
 */
export function rasterizeFootprints(
  grid: RasterGrid, rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, mask: Uint8Array,
): number {
  if (mask.length !== grid.width * grid.height) {
    throw new Error(`rasterizeFootprints: mask must have width*height = ${grid.width * grid.height} values, got ${mask.length}`);
  }
  const xs: number[] = [];
  let set = 0;
  for (const ring of rings) {
    let yLo = Infinity, yHi = -Infinity;
    for (const p of ring) { yLo = Math.min(yLo, p[1]); yHi = Math.max(yHi, p[1]); }
    const j0 = Math.max(0, Math.ceil((yLo - grid.yMinM) / grid.cellSizeM - 0.5));
    const j1 = Math.min(grid.height - 1, Math.floor((yHi - grid.yMinM) / grid.cellSizeM - 0.5));
    for (let j = j0; j <= j1; j++) {
      const y = grid.yMinM + (j + 0.5) * grid.cellSizeM;
      crossings(ring, y, xs);
      for (let c = 0; c + 1 < xs.length; c += 2) set += fillSpan(grid, mask, j, xs[c], xs[c + 1]);
    }
  }
  return set;
}

/** x of the ring's edges crossing the horizontal line at y (half-open rule), sorted, into xs. */
function crossings(ring: ReadonlyArray<readonly [number, number]>, y: number, xs: number[]): void {
  xs.length = 0;
  const n = ring.length;
  for (let k = 0; k < n; k++) {
    const a = ring[k], b = ring[(k + 1) % n];
    if ((a[1] <= y) !== (b[1] <= y)) xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
  }
  xs.sort((p, q) => p - q);
}

/** Marks cells of row j whose centre x lies in [xA, xB); returns how many were newly set. */
function fillSpan(grid: RasterGrid, mask: Uint8Array, j: number, xA: number, xB: number): number {
  const i0 = Math.max(0, Math.ceil((xA - grid.xMinM) / grid.cellSizeM - 0.5));
  const i1 = Math.min(grid.width - 1, Math.ceil((xB - grid.xMinM) / grid.cellSizeM - 0.5) - 1);
  let set = 0;
  for (let i = i0, k = j * grid.width + i0; i <= i1; i++, k++) {
    if (mask[k] === 0) { mask[k] = 1; set++; }
  }
  return set;
}
