import type { LocalFrame } from '../../geo/LocalFrame';
import type { PlaneRoad } from '../../twin/PlaneRoad';
import type { RoadLine } from './RoadLine';

/** Plane-meter roads (the demo city's, a package's) as compiler input (lon/lat through the city's frame). */
export function roadLinesFromPlaneRoads(frame: LocalFrame, roads: ReadonlyArray<PlaneRoad>): RoadLine[] {
  return roads.map((r) => ({
    id: r.id, name: r.name, roadClass: r.roadClass, speedKmh: r.speedKmh, oneway: r.oneway,
    coordsLonLat: r.coords.map(([x, y]) => frame.toLonLat(x, y)),
  }));
}
