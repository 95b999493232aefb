/** Types for `shapefile` (untyped): reads .shp + .dbf into a GeoJSON FeatureCollection. */
declare module 'shapefile' {
  export function read(shp: string, dbf?: string, options?: { encoding?: string }): Promise<{ type: 'FeatureCollection'; features: Array<{ type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }> }>;
}
