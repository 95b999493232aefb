import type { RoadCells } from './RoadCells';

/** A road sample under water too deep to drive through. */
export interface ImpassablePoint {
  roadId: string;
  lonDeg: number;
  latDeg: number;
  depthM: number;
}

/**
 * Road samples where the depth exceeds thresholdM (default 0.3 m, the usual limit for cars): plain
 * points a router maps to its nearest edges to close them.
 */
export function impassableRoadPoints(depthM: Float32Array, roads: RoadCells, thresholdM = 0.3): ImpassablePoint[] {
  const out: ImpassablePoint[] = [];
  for (let s = 0; s < roads.cell.length; s++) {
    const d = depthM[roads.cell[s]];
    if (d > thresholdM) out.push({ roadId: roads.roadIds[roads.road[s]], lonDeg: roads.lonDeg[s], latDeg: roads.latDeg[s], depthM: d });
  }
  return out;
}
