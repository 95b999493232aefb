import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Polygons (outer ring first, then holes; lon/lat) clipped to a bbox; slivers under 1 m² dropped. */
export function clipToBbox(polygons: Position[][][], bbox: [number, number, number, number]): Position[][][] {
  const out: Position[][][] = [];
  for (const p of polygons) {
    const g = turf.bboxClip(turf.polygon(p), bbox).geometry as Polygon | MultiPolygon;
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const q of parts) if (q[0] && q[0].length >= 4 && turf.area(turf.polygon(q)) > 1) out.push(q);
  }
  return out;
}
