import type { DemHeader } from '../../geo/DemGrid';
import { PrismGrid } from './PrismGrid';
import { prismEntry } from './prismRay';
import { prismBuffers, type PrismSet } from './PrismSet';
import { TerrainRay } from './TerrainRay';

/** What the analysis tools see of a city, as plain data with typed arrays (crosses to workers). */
export interface SceneData {
  prisms: PrismSet;
  /** The ground; null: flat ground at 0 m and no terrain occlusion. */
  dem: { header: DemHeader; heightsM: Float32Array } | null;
}

/** What blocks a ray first. */
export interface SceneHit {
  /** Distance along the ray (m); Infinity when nothing blocks it. */
  distanceM: number;
  kind: 'building' | 'terrain' | 'none';
  /** Prism index for a building hit, else -1. */
  prism: number;
}

/** The typed arrays of a scene (to transfer). */
export function sceneBuffers(s: SceneData): ArrayBuffer[] {
  return [...prismBuffers(s.prisms), ...(s.dem ? [s.dem.heightsM.buffer as ArrayBuffer] : [])];
}

/**
 * Buildings (a PrismGrid) and terrain (a TerrainRay) behind one ray interface in the city plane.
 * Terrain is tested only from `terrainMinDistM` out (default one DEM cell): closer ground is below
 * the DEM's resolution, and a point near a slope would otherwise shade itself.
 */
export class AnalysisScene {
  readonly grid: PrismGrid;
  readonly terrain: TerrainRay | null;
  private lastBlocker = -1;

  constructor(readonly data: SceneData, cellSizeM = 32) {
    this.grid = new PrismGrid(data.prisms, cellSizeM);
    this.terrain = data.dem ? new TerrainRay(data.dem.header, data.dem.heightsM) : null;
  }

  /** Ground height at a plane point (0 without a DEM). */
  groundM(xM: number, yM: number): number {
    return this.terrain ? this.terrain.groundM(xM, yM) : 0;
  }

  /** Top of the city at a plane point: the tallest roof over it, else the ground (m). */
  surfaceM(xM: number, yM: number): number {
    return Math.max(this.groundM(xM, yM), this.grid.topAt(xM, yM));
  }

  /**
   * True when a building or the ground lies on the ray from o along the unit vector d within maxM.
   * The prism that blocked the previous ray is tried first: successive sun steps from one facade
   * point (and its neighbours) are mostly shaded by the same building.
   */
  blocked(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, maxM = Infinity): boolean {
    return this.blockedByBuildings(ox, oy, oz, dx, dy, dz, maxM) || this.blockedByTerrain(ox, oy, oz, dx, dy, dz, maxM);
  }

  /** The building half of `blocked` (the last blocking prism tried first). */
  blockedByBuildings(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, maxM = Infinity): boolean {
    const last = this.lastBlocker;
    if (last >= 0 && prismEntry(this.data.prisms, last, ox, oy, oz, dx, dy, dz, 0, maxM) < Infinity) return true;
    if (this.grid.firstHit(ox, oy, oz, dx, dy, dz, 0, maxM, true) === Infinity) return false;
    this.lastBlocker = this.grid.hitPrism;
    return true;
  }

  /** The terrain half of `blocked`. */
  blockedByTerrain(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, maxM = Infinity): boolean {
    return this.terrainHit(ox, oy, oz, dx, dy, dz, maxM) < Infinity;
  }

  /** The nearest obstruction on the ray from o along the unit vector d within maxM. */
  firstHit(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, maxM = Infinity): SceneHit {
    const tb = this.grid.firstHit(ox, oy, oz, dx, dy, dz, 0, maxM, false), prism = this.grid.hitPrism;
    const tt = this.terrainHit(ox, oy, oz, dx, dy, dz, Math.min(maxM, tb));
    if (tt < tb) return { distanceM: tt, kind: 'terrain', prism: -1 };
    return tb < Infinity ? { distanceM: tb, kind: 'building', prism } : { distanceM: Infinity, kind: 'none', prism: -1 };
  }

  /** Terrain hit distance along the unit ray (m), or Infinity. */
  terrainHit(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, maxM: number): number {
    const t = this.terrain;
    if (!t) return Infinity;
    const h = Math.hypot(dx, dy);
    if (h < 1e-9) return Infinity; // straight up or down: the ground under the point is not on the ray
    const s = t.firstHit(ox, oy, oz, dx / h, dy / h, dz / h, t.dem.cellSizeM, maxM * h);
    return s / h;
  }
}
