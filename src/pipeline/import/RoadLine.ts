import type { RoadLine as NetworkRoadLine } from '../network/RoadLine';

/**
 * A road as imported: the network compiler's road line (WGS84 lon/lat, class — here the OSM
 * highway class, e.g. 'primary', 'residential' —, speed, direction) plus its topology. Two lines
 * meet where they share a node id (OSM node ids; for GeoJSON, ids of coordinates that coincide
 * to 1e-7 degrees).
 */
export interface RoadLine extends NetworkRoadLine {
  /** One node id per vertex; shared ids are junctions. */
  nodeIds: number[];
}
