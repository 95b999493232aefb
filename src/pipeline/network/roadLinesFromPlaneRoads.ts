import type { LocalFrame } from '../../geo/LocalFrame';
import type { PlaneRoad } from '../demo-city/roads';
import type { RoadLine } from './RoadLine';

/** The demo city's plane-meter roads as compiler input (lon/lat through the city's frame). */
export function roadLinesFromPlaneRoads(frame: LocalFrame, roads: ReadonlyArray<PlaneRoad>): RoadLine[] {
  return roads.map((r) => ({
    id: r.id, name: r.name, roadClass: r.roadClass, speedKmh: r.speedKmh, oneway: r.oneway,
    coordsLonLat: r.coords.map(([x, y]) => frame.toLonLat(x, y)),
  }));
}
