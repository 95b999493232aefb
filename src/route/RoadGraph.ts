import type { TravelMode } from './TravelMode';

/**
 * The routable road network in compressed sparse row (CSR) form: plain typed arrays, so it crosses
 * to a worker as transferables and every search runs allocation-free over indices.
 *
 * Nodes are junctions and polyline vertices. Arcs are directed: a two-way road segment is two arcs,
 * a one-way segment one. Arc ids are positions in the forward CSR (arcs leaving node v are
 * `arcOffsets[v] .. arcOffsets[v+1]-1`), so every per-arc array is indexed by arc id. The weight is
 * travel time in seconds (`arcTimeS = arcLengthM / arcSpeedMps`); closures and slowdowns are applied
 * at query time on a copy of it (see RouteOverrides), never here.
 */
export interface RoadGraph {
  readonly nodeCount: number;
  readonly arcCount: number;
  /** Node positions, [lonDeg, latDeg] interleaved (length 2 * nodeCount). */
  readonly nodeLonLatDeg: Float64Array;
  /** Forward CSR offsets (length nodeCount + 1). */
  readonly arcOffsets: Uint32Array;
  /** Tail node of each arc (redundant with arcOffsets, kept for O(1) lookups). */
  readonly arcFrom: Uint32Array;
  /** Head node of each arc. */
  readonly arcTo: Uint32Array;
  readonly arcLengthM: Float32Array;
  readonly arcSpeedMps: Float32Array;
  /** Index into `roadClassNames`. */
  readonly arcRoadClass: Uint8Array;
  /** 1 when the road segment is one-way (this arc has no reverse twin), else 0. */
  readonly arcOneway: Uint8Array;
  /** Index into `lines`: the source road line this arc was cut from. */
  readonly arcLine: Uint32Array;
  /** Backward CSR offsets (length nodeCount + 1): arcs entering v are inArcs[inOffsets[v] ..]. */
  readonly inOffsets: Uint32Array;
  /** Arc ids grouped by head node. */
  readonly inArcs: Uint32Array;
  /** Free-flow travel time per arc (s): the routing weight. Derived, not stored in network.bin. */
  readonly arcTimeS: Float64Array;
  /** Source road lines (id and name), for closures by road id and for labels. */
  readonly lines: ReadonlyArray<RoadLineInfo>;
  /** Road class names, indexed by `arcRoadClass`. */
  readonly roadClassNames: ReadonlyArray<string>;
  /** Who may travel this network (its access, direction and speed rules). */
  readonly mode: TravelMode;
}

/** Identity of one source road line. */
export interface RoadLineInfo {
  id: string;
  name: string;
}

/** The road classes the compiler knows, in code order (`arcRoadClass` values). */
export const ROAD_CLASS_NAMES = ['expressway', 'primary', 'secondary', 'local', 'other'] as const;
export type RoadClassName = (typeof ROAD_CLASS_NAMES)[number];

/** Longitude (deg) of node v. */
export function nodeLonDeg(g: RoadGraph, v: number): number {
  return g.nodeLonLatDeg[2 * v];
}

/** Latitude (deg) of node v. */
export function nodeLatDeg(g: RoadGraph, v: number): number {
  return g.nodeLonLatDeg[2 * v + 1];
}

/** The arc u -> v of least travel time, or -1 when there is none. */
export function findArc(g: RoadGraph, u: number, v: number, timeS: Float64Array = g.arcTimeS): number {
  let best = -1;
  for (let a = g.arcOffsets[u], end = g.arcOffsets[u + 1]; a < end; a++) {
    if (g.arcTo[a] === v && (best < 0 || timeS[a] < timeS[best])) best = a;
  }
  return best;
}

/** The arc running the other way along the same segment (v -> u), or -1 (one-way). */
export function reverseArc(g: RoadGraph, arc: number): number {
  const u = g.arcFrom[arc], v = g.arcTo[arc];
  for (let a = g.arcOffsets[v], end = g.arcOffsets[v + 1]; a < end; a++) {
    if (g.arcTo[a] === u && g.arcLine[a] === g.arcLine[arc]) return a;
  }
  for (let a = g.arcOffsets[v], end = g.arcOffsets[v + 1]; a < end; a++) if (g.arcTo[a] === u) return a;
  return -1;
}
