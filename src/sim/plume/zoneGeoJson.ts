import type { LocalFrame } from '../../geo/LocalFrame';
import type { PlanePolygon } from './maskToPolygons';

/** A GeoJSON MultiPolygon feature (lon/lat degrees, RFC 7946 ring orientation). */
export interface MultiPolygonFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: 'MultiPolygon'; coordinates: Array<Array<Array<[number, number]>>> };
}

/** Plane polygons (outer CCW, holes CW, as maskToPolygons gives them) to one lon/lat MultiPolygon feature. */
export function zoneGeoJson(polygons: ReadonlyArray<PlanePolygon>, frame: LocalFrame, properties: Record<string, unknown>): MultiPolygonFeature {
  const round = (v: number) => Math.round(v * 1e7) / 1e7;
  const coordinates = polygons.map((rings) => rings.map((ring) => ring.map(([x, y]) => {
    const [lon, lat] = frame.toLonLat(x, y);
    return [round(lon), round(lat)] as [number, number];
  })));
  return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates } };
}
