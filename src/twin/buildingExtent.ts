import type { DemGrid } from '../geo/DemGrid';
import type { BuildingRecord } from './BuildingRecord';

/**
 * A building's vertical extent over a DEM, in meters: walls start 1 m below the lowest ground
 * under the footprint (so they never float on a slope) and the roof is the height above the
 * ground at the footprint's centre. The tiler extrudes to it and the views highlight to it.
 */
export function buildingExtentM(b: Pick<BuildingRecord, 'footprint' | 'heightM'>, dem: DemGrid): { baseM: number; roofM: number } {
  let min = Infinity, cx = 0, cy = 0;
  for (const [x, y] of b.footprint) {
    min = Math.min(min, dem.sample(x, y));
    cx += x; cy += y;
  }
  const ground = dem.sample(cx / b.footprint.length, cy / b.footprint.length);
  return { baseM: min - 1, roofM: ground + b.heightM };
}
