/**
 * A road as imported, for the road-network compiler: a polyline in WGS84 lon/lat with its class,
 * speed and direction. Topology comes from `nodeIds`: two lines meet where they share a node id
 * (OSM node ids; for GeoJSON, ids of coordinates that coincide to 1e-7 degrees).
 */
export interface RoadLine {
  id: string;
  name: string;
  /** OSM highway class, e.g. 'primary', 'residential', 'footway'. */
  roadClass: string;
  /** Legal or class-default speed (km/h). */
  speedKmh: number;
  /** True when traffic may only go from the first coordinate to the last. */
  oneway: boolean;
  /** [lonDeg, latDeg] per vertex, WGS84. */
  coordsLonLat: Array<[number, number]>;
  /** One node id per vertex; shared ids are junctions. */
  nodeIds: number[];
}
