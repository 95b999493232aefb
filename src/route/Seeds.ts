/**
 * Where a search starts (or ends): nodes with an initial cost each (s). A point snapped onto a road
 * seeds both ends of its segment with the time along the segment to reach them.
 */
export interface Seeds {
  nodes: ArrayLike<number>;
  costsS: ArrayLike<number>;
}

/** Seeds at one node with no initial cost. */
export function nodeSeeds(node: number): Seeds {
  return { nodes: [node], costsS: [0] };
}

/** A path as arcs (ids into the RoadGraph) with its total cost (s); nodes follow from the arcs. */
export interface ArcPath {
  costS: number;
  /** Node where the path starts (a seed node) and ends (a target seed node). */
  firstNode: number;
  lastNode: number;
  arcs: number[];
}
