import { pointInRing } from './BuildingGrid';
import type { UnitInput } from './SpatialHierarchy';

const LEVEL_DEPTH = { city: 0, district: 1, street: 2, community: 3, grid: 4 } as const;

/**
 * Finds the deepest spatial unit containing a plane point from the units' rings, bucketed by
 * bounding box on a uniform grid. Used to place points that are not buildings (sensors, drawn
 * shapes' contents) in the hierarchy. Returns null where no unit with geometry contains the point.
 */
export class UnitLocator {
  private readonly cells = new Map<string, UnitInput[]>();
  private readonly cellSizeM: number;

  constructor(units: ReadonlyArray<UnitInput>, cellSizeM = 500) {
    this.cellSizeM = cellSizeM;
    const withRings = units.filter((u) => u.rings && u.rings.length > 0);
    const deepest = Math.max(-1, ...withRings.map((u) => LEVEL_DEPTH[u.level]));
    for (const u of withRings) {
      if (LEVEL_DEPTH[u.level] !== deepest) continue;
      let xMin = Infinity, yMin = Infinity, xMax = -Infinity, yMax = -Infinity;
      for (const r of u.rings!) for (const [x, y] of r) { xMin = Math.min(xMin, x); xMax = Math.max(xMax, x); yMin = Math.min(yMin, y); yMax = Math.max(yMax, y); }
      for (let gx = Math.floor(xMin / cellSizeM); gx <= Math.floor(xMax / cellSizeM); gx++) {
        for (let gy = Math.floor(yMin / cellSizeM); gy <= Math.floor(yMax / cellSizeM); gy++) {
          const k = `${gx},${gy}`;
          (this.cells.get(k) ?? this.cells.set(k, []).get(k)!).push(u);
        }
      }
    }
  }

  /** Id of the deepest unit whose rings contain (x, y) (plane meters), or null. */
  locate(xM: number, yM: number): string | null {
    const list = this.cells.get(`${Math.floor(xM / this.cellSizeM)},${Math.floor(yM / this.cellSizeM)}`) ?? [];
    for (const u of list) if (u.rings!.some((r) => pointInRing(xM, yM, r))) return u.id;
    return null;
  }
}
