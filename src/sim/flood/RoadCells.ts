import type { LocalFrame } from '../../geo/LocalFrame';
import type { PlaneRoad } from '../../twin/PlaneRoad';
import { cellIndexAt, type RasterGrid } from '../core/RasterGrid';

/**
 * Roads sampled along their centrelines every `spacingM` onto the flood grid, so a depth grid can
 * be turned into closures: plain arrays, one entry per sample (samples on walls or off-grid are dropped).
 */
export interface RoadCells {
  /** Road ids, index = road index. */
  roadIds: string[];
  /** Per sample: road index, grid cell, plane position (m) and lon/lat (degrees). */
  road: Int32Array;
  cell: Int32Array;
  xM: Float64Array;
  yM: Float64Array;
  lonDeg: Float64Array;
  latDeg: Float64Array;
}

/**
 * Samples every road polyline each spacingM (default: one grid cell) including its vertices.
 * @param skip per grid cell, 1 where no sample may lie (walls, bridges over water).
 */
export function roadCells(grid: RasterGrid, roads: PlaneRoad[], frame: LocalFrame, skip: Uint8Array, spacingM = grid.cellSizeM): RoadCells {
  const road: number[] = [], cell: number[] = [], xs: number[] = [], ys: number[] = [];
  const add = (r: number, x: number, y: number) => {
    const k = cellIndexAt(grid, x, y);
    if (k < 0 || skip[k] || (cell.length > 0 && cell[cell.length - 1] === k && road[road.length - 1] === r)) return;
    road.push(r); cell.push(k); xs.push(x); ys.push(y);
  };
  roads.forEach((rd, r) => {
    for (let s = 0; s + 1 < rd.coords.length; s++) {
      const [x0, y0] = rd.coords[s], [x1, y1] = rd.coords[s + 1];
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / spacingM));
      for (let t = 0; t < steps; t++) add(r, x0 + ((x1 - x0) * t) / steps, y0 + ((y1 - y0) * t) / steps);
    }
    const last = rd.coords[rd.coords.length - 1];
    if (last) add(r, last[0], last[1]);
  });
  const lonDeg = new Float64Array(xs.length), latDeg = new Float64Array(xs.length);
  xs.forEach((x, s) => { [lonDeg[s], latDeg[s]] = frame.toLonLat(x, ys[s]); });
  return {
    roadIds: roads.map((r) => r.id), road: Int32Array.from(road), cell: Int32Array.from(cell),
    xM: Float64Array.from(xs), yM: Float64Array.from(ys), lonDeg, latDeg,
  };
}
