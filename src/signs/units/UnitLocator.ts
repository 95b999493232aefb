/**
 * Point -> finest spatial unit (grid cell) lookup in plane meters, over any set of grid polygons:
 * a uniform bucket grid of polygon bounding boxes, then an even-odd ring test.
 */
export interface LocatableUnit {
  id: string;
  level: string;
  rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

function inRing(x: number, y: number, ring: ReadonlyArray<readonly [number, number]>): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export class UnitLocator {
  private readonly cells: LocatableUnit[];
  private readonly buckets = new Map<number, number[]>();
  private readonly bucketM: number;

  /** Indexes the units of `level` (default 'grid'); throws when there are none. */
  constructor(units: readonly LocatableUnit[], level = 'grid') {
    this.cells = units.filter((u) => u.level === level);
    if (this.cells.length === 0) throw new Error(`units: expected at least one unit of level "${level}"`);
    let area = 0;
    const boxes = this.cells.map((u) => {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const r of u.rings) for (const [x, y] of r) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
      area += (x1 - x0) * (y1 - y0);
      return [x0, y0, x1, y1];
    });
    this.bucketM = Math.max(1, Math.sqrt(area / this.cells.length));
    boxes.forEach(([x0, y0, x1, y1], i) => {
      for (let by = Math.floor(y0 / this.bucketM); by <= Math.floor(y1 / this.bucketM); by++) {
        for (let bx = Math.floor(x0 / this.bucketM); bx <= Math.floor(x1 / this.bucketM); bx++) {
          const k = this.key(bx, by);
          const list = this.buckets.get(k);
          if (list) list.push(i); else this.buckets.set(k, [i]);
        }
      }
    });
  }

  private key(bx: number, by: number): number {
    return (bx + 32768) * 65536 + (by + 32768);
  }

  /** Id of the unit containing the plane point (m), or null outside every unit. */
  locate(xM: number, yM: number): string | null {
    const list = this.buckets.get(this.key(Math.floor(xM / this.bucketM), Math.floor(yM / this.bucketM)));
    if (!list) return null;
    for (const i of list) {
      const u = this.cells[i];
      let inside = false;
      for (const r of u.rings) if (inRing(xM, yM, r)) inside = !inside;
      if (inside) return u.id;
    }
    return null;
  }
}
