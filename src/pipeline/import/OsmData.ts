/** OpenStreetMap elements as the importers need them (node tags are not kept). */
export type OsmTags = Record<string, string>;

export interface OsmWay {
  id: number;
  /** Node ids in order; a closed way repeats its first id last. */
  refs: number[];
  tags: OsmTags;
}

export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

export interface OsmRelation {
  id: number;
  members: OsmMember[];
  tags: OsmTags;
}

/** Parsed OSM file: node positions (WGS84 degrees), ways and relations. */
export interface OsmData {
  /** Node id -> [lonDeg, latDeg]. */
  nodes: Map<number, [number, number]>;
  ways: OsmWay[];
  relations: OsmRelation[];
}
