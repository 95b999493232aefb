import { buildRoadGraph } from '../../route/buildRoadGraph';
import type { RoadGraph } from '../../route/RoadGraph';
import type { EvacuationParams } from './EvacuationParams';

/** The road graph as evacuees use it: routing graph, time per arc, and each arc's exit capacity. */
export interface EvacuationNetwork {
  /** Walkers: every segment both ways at walking speed; drivers: the road graph itself. */
  graph: RoadGraph;
  /** Travel time per arc for evacuees (s); Infinity where closed. */
  timeS: Float64Array;
  /** Flow an arc lets out (people/s): lanes x saturation flow x occupancy, or walking width x specific flow. */
  capacityPerS: Float64Array;
}

/**
 * Derives the evacuation network from a RoadGraph (src/route). `closedArcs` (1 per closed arc of
 * `road`, e.g. flooded deeper than 0.3 m) closes those arcs; for walkers both directions of a
 * closed segment close.
 */
export function evacuationNetwork(road: RoadGraph, p: EvacuationParams, closedArcs?: Uint8Array): EvacuationNetwork {
  if (closedArcs && closedArcs.length !== road.arcCount) {
    throw new Error(`evacuationNetwork: closedArcs must have one entry per arc (${road.arcCount}), got ${closedArcs.length}`);
  }
  const graph = p.mode === 'walk' ? walkingGraph(road, p.walkSpeedMps) : road;
  const closed = new Set<number>();
  if (closedArcs) for (let a = 0; a < road.arcCount; a++) {
    if (!closedArcs[a]) continue;
    closed.add(road.arcFrom[a] * road.nodeCount + road.arcTo[a]);
    if (p.mode === 'walk') closed.add(road.arcTo[a] * road.nodeCount + road.arcFrom[a]);
  }
  const timeS = new Float64Array(graph.arcCount), capacityPerS = new Float64Array(graph.arcCount);
  for (let a = 0; a < graph.arcCount; a++) {
    const cls = graph.roadClassNames[graph.arcRoadClass[a]] ?? 'other';
    const shut = closed.has(graph.arcFrom[a] * graph.nodeCount + graph.arcTo[a]);
    timeS[a] = shut ? Infinity : p.mode === 'walk' ? graph.arcTimeS[a] : graph.arcTimeS[a] / p.driveSpeedFactor;
    capacityPerS[a] = p.mode === 'walk'
      ? (p.walkWidthMByClass[cls] ?? p.walkWidthMByClass.other) * p.walkFlowPerMS
      : ((p.lanesByClass[cls] ?? p.lanesByClass.other) * p.laneCapacityVehPerH * p.vehicleOccupancy) / 3600;
  }
  return { graph, timeS, capacityPerS };
}

/** Every arc of `road` plus the missing reverse of each one-way arc, all at `speedMps`. */
function walkingGraph(road: RoadGraph, speedMps: number): RoadGraph {
  const from: number[] = [], to: number[] = [], lengthM: number[] = [], roadClass: number[] = [], line: number[] = [];
  const push = (u: number, v: number, a: number) => { from.push(u); to.push(v); lengthM.push(road.arcLengthM[a]); roadClass.push(road.arcRoadClass[a]); line.push(road.arcLine[a]); };
  for (let a = 0; a < road.arcCount; a++) {
    push(road.arcFrom[a], road.arcTo[a], a);
    if (road.arcOneway[a]) push(road.arcTo[a], road.arcFrom[a], a);
  }
  return buildRoadGraph({
    nodeLonLatDeg: road.nodeLonLatDeg, from, to, lengthM, speedMps: new Float64Array(from.length).fill(speedMps),
    roadClass, oneway: new Uint8Array(from.length), line, lines: [...road.lines], roadClassNames: road.roadClassNames,
  });
}
