import type { BuildingRecord } from './BuildingRecord';

type Ring = ReadonlyArray<readonly [number, number]>;

/** Even-odd point-in-polygon test (plane meters). */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

const OFFSET = 32768;
const key = (gx: number, gy: number) => (gx + OFFSET) * 65536 + (gy + OFFSET);

/**
 * A uniform grid over building centroids (plane meters) for area queries: a building is "in" a
 * shape when its footprint's vertex centroid is. Centroids live in typed arrays; queries visit
 * only the cells the shape's bounding box touches.
 */
export class BuildingGrid {
  readonly cellSizeM: number;
  readonly centroidX: Float64Array;
  readonly centroidY: Float64Array;
  private readonly cells = new Map<number, number[]>();

  constructor(buildings: ReadonlyArray<BuildingRecord>, cellSizeM = 250) {
    this.cellSizeM = cellSizeM;
    this.centroidX = new Float64Array(buildings.length);
    this.centroidY = new Float64Array(buildings.length);
    buildings.forEach((b, i) => {
      let x = 0, y = 0;
      for (const p of b.footprint) { x += p[0]; y += p[1]; }
      x /= b.footprint.length; y /= b.footprint.length;
      this.centroidX[i] = x; this.centroidY[i] = y;
      const k = key(Math.floor(x / cellSizeM), Math.floor(y / cellSizeM));
      (this.cells.get(k) ?? this.cells.set(k, []).get(k)!).push(i);
    });
  }

  private visit(xMin: number, yMin: number, xMax: number, yMax: number, fn: (i: number) => void): void {
    const s = this.cellSizeM;
    for (let gx = Math.floor(xMin / s); gx <= Math.floor(xMax / s); gx++) {
      for (let gy = Math.floor(yMin / s); gy <= Math.floor(yMax / s); gy++) {
        const list = this.cells.get(key(gx, gy));
        if (list) for (const i of list) fn(i);
      }
    }
  }

  /** Buildings whose centroid lies within `radiusM` of (x, y), in index order. */
  inCircle(xM: number, yM: number, radiusM: number): number[] {
    const out: number[] = [], r2 = radiusM * radiusM;
    this.visit(xM - radiusM, yM - radiusM, xM + radiusM, yM + radiusM, (i) => {
      const dx = this.centroidX[i] - xM, dy = this.centroidY[i] - yM;
      if (dx * dx + dy * dy <= r2) out.push(i);
    });
    return out.sort((a, b) => a - b);
  }

  /** Buildings whose centroid lies inside the ring (even-odd), in index order. */
  inPolygon(ring: Ring): number[] {
    let xMin = Infinity, yMin = Infinity, xMax = -Infinity, yMax = -Infinity;
    for (const [x, y] of ring) { xMin = Math.min(xMin, x); xMax = Math.max(xMax, x); yMin = Math.min(yMin, y); yMax = Math.max(yMax, y); }
    const out: number[] = [];
    this.visit(xMin, yMin, xMax, yMax, (i) => { if (pointInRing(this.centroidX[i], this.centroidY[i], ring)) out.push(i); });
    return out.sort((a, b) => a - b);
  }

  /** The building whose centroid is nearest (x, y) within `maxDistM`, or -1. */
  nearest(xM: number, yM: number, maxDistM: number): number {
    let best = -1, bestD = maxDistM * maxDistM;
    this.visit(xM - maxDistM, yM - maxDistM, xM + maxDistM, yM + maxDistM, (i) => {
      const dx = this.centroidX[i] - xM, dy = this.centroidY[i] - yM, d = dx * dx + dy * dy;
      if (d <= bestD) { bestD = d; best = i; }
    });
    return best;
  }
}
