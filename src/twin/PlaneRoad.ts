/** The demo city's road classes; imported roads carry their source's class (e.g. an OSM highway value). */
export type RoadClass = 'expressway' | 'primary' | 'secondary' | 'local';

/** A road centreline in plane meters. Lines are not noded where they cross: the network compiler does that. */
export interface PlaneRoad<C extends string = string> {
  id: string;
  name: string;
  namePinyin: string;
  /** A RoadClass for the demo city, the source's class for imports (e.g. 'residential'). */
  roadClass: C;
  speedKmh: number;
  /** True when traffic may only go from the first to the last coordinate. */
  oneway: boolean;
  lanes: number;
  widthM: number;
  coords: Array<[number, number]>;
}
