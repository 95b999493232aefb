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
  /** Node id -> tags, for tagged nodes (amenities); present only when the reader was asked for it. */
  nodeTags?: Map<number, OsmTags>;
}

/** What a reader collects beyond nodes, ways and relations. */
export interface OsmReadOptions {
  /** Collect the tags of tagged nodes into `nodeTags` (default false: node tags are not needed for buildings and roads). */
  nodeTags?: boolean;
}
