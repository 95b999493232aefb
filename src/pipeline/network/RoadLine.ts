/** One road centreline as the network compiler takes it (lon/lat degrees, WGS84). */
export interface RoadLine {
  id: string;
  name: string;
  /** Class name: the demo city's 'expressway' | 'primary' | 'secondary' | 'local', or an OSM highway tag. */
  roadClass: string;
  /** Free-flow speed (km/h), > 0. */
  speedKmh: number;
  /** True when traffic may only go from the first to the last coordinate. */
  oneway: boolean;
  /** At least two [lonDeg, latDeg] vertices. */
  coordsLonLat: Array<[number, number]>;
}
