/** A GeoJSON geometry in WGS84 lon/lat (after CRS conversion). */
export type LonLatGeometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: Array<[number, number]> }
  | { type: 'Polygon'; coordinates: Array<Array<[number, number]>> }
  | { type: 'MultiPolygon'; coordinates: Array<Array<Array<[number, number]>>> };

/** One feature or row of a source, read and converted to lon/lat. */
export interface SourceFeature {
  /** Where it is, for messages: `file:line` (CSV), `file#feature 12` (GeoJSON, Shapefile, GeoPackage), `file#node/123` (OSM). */
  where: string;
  properties: Record<string, unknown>;
  geometry: LonLatGeometry;
}
