/** The GeoJSON (RFC 7946, lon/lat degrees) geometry types result layers use. */
export type Geometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: Array<[number, number]> }
  | { type: 'Polygon'; coordinates: Array<Array<[number, number]>> }
  | { type: 'MultiPolygon'; coordinates: Array<Array<Array<[number, number]>>> };

export interface Feature {
  type: 'Feature';
  properties: Record<string, string | number | boolean | null>;
  geometry: Geometry;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** Rounds degrees to 1e-7 (about 1 cm): smaller files, same picture. */
export function roundDeg(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

/** A Point feature. */
export function pointFeature(lonDeg: number, latDeg: number, properties: Feature['properties']): Feature {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [roundDeg(lonDeg), roundDeg(latDeg)] } };
}

/** A LineString feature (coordinates [lonDeg, latDeg]). */
export function lineFeature(coords: ReadonlyArray<readonly [number, number]>, properties: Feature['properties']): Feature {
  return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates: coords.map(([x, y]) => [roundDeg(x), roundDeg(y)]) } };
}

/** A Polygon feature from one outer ring ([lonDeg, latDeg], closed here if it is not). */
export function polygonFeature(ring: ReadonlyArray<readonly [number, number]>, properties: Feature['properties']): Feature {
  const r = ring.map(([x, y]) => [roundDeg(x), roundDeg(y)] as [number, number]);
  if (r.length && (r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1])) r.push([...r[0]] as [number, number]);
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [r] } };
}
