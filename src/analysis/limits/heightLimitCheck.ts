import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { AnalysisScene } from '../scene/AnalysisScene';
import { limitAtM, type HeightLimit } from './HeightLimit';

/** A building that pierces a height limit, and the part of it above. */
export interface LimitExcess {
  buildingId: string;
  /** Index in the list checked. */
  index: number;
  roofM: number;
  /** Lowest limit over the footprint (its vertices and centre), absolute m. */
  limitM: number;
  excessM: number;
  /** Floors wholly or partly above the limit (counted from the top). */
  floorsAbove: number;
  /** Limit at each footprint vertex (absolute m): the bottom of the part above, for drawing. */
  limitAtVerticesM: number[];
}

/**
 * The buildings whose roof is above the limit anywhere over their footprint, tallest excess first.
 * Ground and roof as the tiler builds them (roof = ground at the footprint centre + heightM).
 */
export function buildingsAboveLimit(scene: AnalysisScene, buildings: ReadonlyArray<BuildingRecord>, limit: HeightLimit): LimitExcess[] {
  const out: LimitExcess[] = [];
  buildings.forEach((b, index) => {
    let cx = 0, cy = 0;
    for (const [x, y] of b.footprint) { cx += x; cy += y; }
    cx /= b.footprint.length; cy /= b.footprint.length;
    const ground = scene.groundM(cx, cy), roofM = ground + b.heightM;
    const atVertices = b.footprint.map(([x, y]) => limitAtM(limit, x, y, scene.groundM(x, y)));
    const limitM = Math.min(limitAtM(limit, cx, cy, ground), ...atVertices);
    if (!(roofM > limitM)) return;
    const floorH = b.heightM / Math.max(1, b.floors);
    out.push({
      buildingId: b.id, index, roofM: round(roofM), limitM: round(limitM), excessM: round(roofM - limitM),
      floorsAbove: Math.min(b.floors, Math.ceil((roofM - limitM) / floorH - 1e-9)), limitAtVerticesM: atVertices.map(round),
    });
  });
  return out.sort((a, b) => b.excessM - a.excessM);
}

function round(v: number): number {
  return Number.isFinite(v) ? Math.round(v * 100) / 100 : v;
}
