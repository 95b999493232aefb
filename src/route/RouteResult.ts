import type { RoadGraph } from './RoadGraph';
import type { ArcPath } from './Seeds';
import type { Snap } from './SnapIndex';

/**
 * Which search produced a route: 'ch' the hierarchy, 'ch-astar' A* on closures and slowdowns
 * guided by the hierarchy, 'bidirectional-astar' A* guided by straight-line distance.
 */
export type RouteAlgorithm = 'ch' | 'ch-astar' | 'bidirectional-astar' | 'dijkstra' | 'same-segment';

/** A route as plain data a view can draw and animate. */
export interface RouteResult {
  /** Driven length from the snapped start to the snapped end (m). */
  meters: number;
  /** Travel time with the current closures and slowdowns (s). */
  seconds: number;
  /** Graph nodes passed, in order (empty for a trip within one segment). */
  nodes: number[];
  /** Graph arcs driven, in order. */
  arcs: number[];
  /** The line to draw: snapped start, the nodes, snapped end; [lonDeg, latDeg]. */
  coordsLonLat: Array<[number, number]>;
  /** Time at each vertex of coordsLonLat since the start (s): interpolate it to animate a vehicle. */
  cumulativeS: number[];
  /** Names of the roads driven, consecutive repeats removed (for directions). */
  roadNames: string[];
  /** How far the requested points were from the road (m): the part not driven. */
  snapDistanceM: { from: number; to: number };
  algorithm: RouteAlgorithm;
}

const part = (fraction: number, weight: number) => (fraction > 0 ? fraction * weight : 0);

/** Builds the RouteResult of a path between two snapped points (weights: the ones searched). */
export function assembleRoute(g: RoadGraph, weightsS: Float64Array, path: ArcPath, from: Snap, to: Snap, algorithm: RouteAlgorithm): RouteResult {
  const ll = g.nodeLonLatDeg;
  const coords: Array<[number, number]> = [from.lonLat];
  const cumulative: number[] = [0];
  const startsAhead = path.firstNode === g.arcTo[from.arc];
  let t = 0, m = 0;
  if (from.node < 0) {
    t = startsAhead ? part(1 - from.t, weightsS[from.arc]) : part(from.t, weightsS[from.reverse]);
    m = startsAhead ? (1 - from.t) * g.arcLengthM[from.arc] : from.t * g.arcLengthM[from.arc];
  }
  const push = (lonLat: [number, number], time: number) => {
    const last = coords[coords.length - 1];
    if (last[0] === lonLat[0] && last[1] === lonLat[1]) { cumulative[cumulative.length - 1] = time; return; }
    coords.push(lonLat);
    cumulative.push(time);
  };
  push([ll[2 * path.firstNode], ll[2 * path.firstNode + 1]], t);
  const nodes = [path.firstNode];
  const names: string[] = [];
  const addName = (arc: number) => {
    const name = g.lines[g.arcLine[arc]]?.name ?? '';
    if (name && names[names.length - 1] !== name) names.push(name);
  };
  if (from.node < 0) addName(from.arc);
  for (const a of path.arcs) {
    t += weightsS[a];
    m += g.arcLengthM[a];
    const v = g.arcTo[a];
    nodes.push(v);
    addName(a);
    push([ll[2 * v], ll[2 * v + 1]], t);
  }
  if (to.node < 0) {
    const endsFromTail = path.lastNode === g.arcFrom[to.arc];
    t += endsFromTail ? part(to.t, weightsS[to.arc]) : part(1 - to.t, weightsS[to.reverse]);
    m += endsFromTail ? to.t * g.arcLengthM[to.arc] : (1 - to.t) * g.arcLengthM[to.arc];
    addName(to.arc);
  }
  push(to.lonLat, t);
  return {
    meters: m, seconds: path.costS, nodes, arcs: path.arcs, coordsLonLat: coords, cumulativeS: cumulative, roadNames: names,
    snapDistanceM: { from: from.distanceM, to: to.distanceM }, algorithm,
  };
}

/** The RouteResult of a trip that stays on one segment between two snapped points. */
export function sameSegmentRoute(g: RoadGraph, from: Snap, to: Snap, costS: number): RouteResult {
  const name = g.lines[g.arcLine[from.arc]]?.name ?? '';
  const meters = Math.abs(to.t - from.t) * g.arcLengthM[from.arc];
  return {
    meters, seconds: costS, nodes: [], arcs: [to.t >= from.t ? from.arc : from.reverse],
    coordsLonLat: [from.lonLat, to.lonLat], cumulativeS: [0, costS], roadNames: name ? [name] : [],
    snapDistanceM: { from: from.distanceM, to: to.distanceM }, algorithm: 'same-segment',
  };
}
