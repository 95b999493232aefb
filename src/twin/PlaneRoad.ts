export type RoadClass = 'expressway' | 'primary' | 'secondary' | 'local';

/** A road centreline in plane meters. Lines are not noded where they cross: the network compiler does that. */
export interface PlaneRoad {
  id: string;
  name: string;
  namePinyin: string;
  roadClass: RoadClass;
  speedKmh: number;
  /** True when traffic may only go from the first to the last coordinate. */
  oneway: boolean;
  lanes: number;
  widthM: number;
  coords: Array<[number, number]>;
}
