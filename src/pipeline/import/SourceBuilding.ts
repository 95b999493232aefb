/**
 * A building footprint as read from a source file, before projection and repair: its outer ring
 * in the source CRS and the raw attributes (OSM tags or GeoJSON properties) to derive height,
 * floors, use and address from.
 */
export interface SourceBuilding {
  id: string;
  /** Outer ring in the source CRS, closed or not, any orientation. */
  outer: Array<[number, number]>;
  attributes: Record<string, unknown>;
}
