import type { RasterGrid } from './RasterGrid';

/** Scratch x crossings of one scanline, grown as needed (no allocation per row). */
let crossings = new Float64Array(64);

/**
 * Calls visit(k) for every cell of `grid` whose centre lies inside the polygon ring (plane meters,
 * closed or not, either orientation; even-odd rule), row by row with a scanline at the cell centres.
 */
export function rasterizePolygon(grid: RasterGrid, ring: ReadonlyArray<readonly [number, number]>, visit: (k: number) => void): void {
  const n = ring.length, { xMinM, yMinM, cellSizeM: c, width: W, height: H } = grid;
  if (n < 3) return;
  let yLo = Infinity, yHi = -Infinity;
  for (const p of ring) { if (p[1] < yLo) yLo = p[1]; if (p[1] > yHi) yHi = p[1]; }
  const j0 = Math.max(0, Math.ceil((yLo - yMinM) / c - 0.5)), j1 = Math.min(H - 1, Math.floor((yHi - yMinM) / c - 0.5));
  if (crossings.length < n) crossings = new Float64Array(2 * n);
  for (let j = j0; j <= j1; j++) {
    const y = yMinM + (j + 0.5) * c;
    let m = 0;
    for (let a = 0, b = n - 1; a < n; b = a++) {
      const ya = ring[a][1], yb = ring[b][1];
      if ((ya > y) !== (yb > y)) crossings[m++] = ring[a][0] + ((y - ya) * (ring[b][0] - ring[a][0])) / (yb - ya);
    }
    const xs = crossings.subarray(0, m).sort();
    for (let p = 0; p + 1 < m; p += 2) {
      const i0 = Math.max(0, Math.ceil((xs[p] - xMinM) / c - 0.5)), i1 = Math.min(W - 1, Math.floor((xs[p + 1] - xMinM) / c - 0.5));
      for (let i = i0; i <= i1; i++) visit(j * W + i);
    }
  }
}
