import type { TravelMode } from '../../route/TravelMode';

/** Which way a mode may travel a line: both ways, first -> last only, last -> first only, or not at all. */
export type TravelDirection = 'both' | 'forward' | 'backward' | 'none';

/** A direction per travel mode. */
export type ModeDirections = Record<TravelMode, TravelDirection>;

/** One road centreline as the network compiler takes it (lon/lat degrees, WGS84). */
export interface RoadLine {
  id: string;
  name: string;
  /** Class name: the demo city's 'expressway' | 'primary' | 'secondary' | 'local', or an OSM highway tag. */
  roadClass: string;
  /** Free-flow speed (km/h), > 0. */
  speedKmh: number;
  /** True when cars may only go from the first to the last coordinate. */
  oneway: boolean;
  /**
   * Per mode, which way it may travel this line (from the source's tags). Absent: cars as `oneway`
   * says, walkers both ways except on expressways and motorways (see lineDirection).
   */
  modes?: ModeDirections;
  /** At least two [lonDeg, latDeg] vertices. */
  coordsLonLat: Array<[number, number]>;
}
