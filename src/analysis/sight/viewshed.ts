import type { AnalysisScene } from '../scene/AnalysisScene';

/** A viewshed request in the city plane. */
export interface ViewshedRequest {
  /** Observer's plane position (m). */
  observerM: [number, number];
  /** Eye height above the surface under the observer (roof or ground), m; default 1.6. */
  eyeHeightM?: number;
  /** Radius (m); at most 5000. */
  radiusM: number;
  /** Raster cell size (m); default 5. */
  cellSizeM?: number;
  /** Height above the surface a target must show (m); default 0 (the surface itself). */
  targetHeightM?: number;
}

/** Cells of a viewshed raster (row 0 south, column 0 west). */
export const VIEWSHED_HIDDEN = 0, VIEWSHED_VISIBLE = 1, VIEWSHED_OUTSIDE = 255;

/** Which cells of the surface (terrain + roofs) an observer sees. */
export interface Viewshed {
  /** South-west corner of the raster (plane m). */
  originM: [number, number];
  cellSizeM: number;
  width: number;
  height: number;
  /** VIEWSHED_VISIBLE, VIEWSHED_HIDDEN, or VIEWSHED_OUTSIDE (beyond the radius), row-major. */
  cells: Uint8Array;
  /** Surface height per cell (m): what the drape lies on. */
  surfaceM: Float32Array;
  eyeM: [number, number, number];
  visibleCells: number;
  cellsInRadius: number;
}

/** At most this many raster cells. */
export const MAX_VIEWSHED_CELLS = 4_000_000;

/**
 * Viewshed over the surface raster (terrain with every roof on it): a cell is visible when the
 * straight line from the eye to the surface at its centre (plus targetHeightM) passes above the
 * surface at every half-cell step in between. Exact per cell on the raster (no interpolation
 * between rays), O(cells x radius / cell).
 */
export function viewshed(scene: AnalysisScene, req: ViewshedRequest, onProgress?: (fraction: number) => void): Viewshed {
  const cs = req.cellSizeM ?? 5, r = req.radiusM, eyeH = req.eyeHeightM ?? 1.6, targetH = req.targetHeightM ?? 0;
  if (!(cs > 0) || !(r > 0) || r > 5000) throw new Error(`viewshed: expected cellSizeM > 0 and 0 < radiusM <= 5000 (m), got ${cs}, ${r}`);
  const n = 2 * Math.ceil(r / cs) + 1;
  if (n * n > MAX_VIEWSHED_CELLS) throw new Error(`viewshed: ${n} x ${n} cells, at most ${MAX_VIEWSHED_CELLS}; use larger cells`);
  const [ox, oy] = req.observerM, half = (n - 1) / 2, x0 = ox - half * cs - cs / 2, y0 = oy - half * cs - cs / 2;
  const surface = new Float32Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) surface[j * n + i] = scene.surfaceM(x0 + (i + 0.5) * cs, y0 + (j + 0.5) * cs);
  const ez = surface[half * n + half] + eyeH;
  const cells = new Uint8Array(n * n).fill(VIEWSHED_OUTSIDE);
  let visible = 0, inRadius = 0;
  for (let j = 0; j < n; j++) {
    if (onProgress && j % 16 === 0) onProgress(j / n);
    for (let i = 0; i < n; i++) {
      const dxC = (i - half) * cs, dyC = (j - half) * cs, dist = Math.hypot(dxC, dyC);
      if (dist > r) continue;
      inRadius++;
      const tz = surface[j * n + i] + targetH, steps = Math.floor((2 * dist) / cs);
      let seen = true;
      // Half-cell steps strictly between the observer's cell and the target's cell.
      for (let s = 2; s < steps - 1 && seen; s++) {
        const f = (s * cs) / 2 / dist;
        const ci = Math.round(half + (dxC * f) / cs), cj = Math.round(half + (dyC * f) / cs);
        if (surface[cj * n + ci] > ez + (tz - ez) * f) seen = false;
      }
      cells[j * n + i] = seen ? VIEWSHED_VISIBLE : VIEWSHED_HIDDEN;
      if (seen) visible++;
    }
  }
  onProgress?.(1);
  return { originM: [x0, y0], cellSizeM: cs, width: n, height: n, cells, surfaceM: surface, eyeM: [ox, oy, ez], visibleCells: visible, cellsInRadius: inRadius };
}
