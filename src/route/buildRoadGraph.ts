import { ROAD_CLASS_NAMES, type RoadGraph, type RoadLineInfo } from './RoadGraph';
import type { TravelMode } from './TravelMode';

/** Arcs as parallel lists, in any order: what a compiler or an importer produces. */
export interface ArcList {
  /** [lonDeg, latDeg] interleaved per node. */
  nodeLonLatDeg: Float64Array;
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  lengthM: ArrayLike<number>;
  speedMps: ArrayLike<number>;
  roadClass: ArrayLike<number>;
  oneway: ArrayLike<number>;
  line: ArrayLike<number>;
  lines: RoadLineInfo[];
  roadClassNames?: ReadonlyArray<string>;
  /** Who may travel these arcs. Default 'car'. */
  mode?: TravelMode;
}

/**
 * Sorts arcs into forward and backward CSR. Self-loops are dropped and, of parallel arcs between
 * the same ordered pair of nodes, only the fastest is kept (so a node path names its arcs).
 */
export function buildRoadGraph(input: ArcList): RoadGraph {
  const nodeCount = input.nodeLonLatDeg.length / 2;
  const keep = uniqueFastestArcs(input, nodeCount);
  const arcCount = keep.length;
  const arcOffsets = new Uint32Array(nodeCount + 1);
  const arcFrom = new Uint32Array(arcCount), arcTo = new Uint32Array(arcCount);
  const arcLengthM = new Float32Array(arcCount), arcSpeedMps = new Float32Array(arcCount);
  const arcRoadClass = new Uint8Array(arcCount), arcOneway = new Uint8Array(arcCount);
  const arcLine = new Uint32Array(arcCount);
  for (let i = 0; i < arcCount; i++) {
    const k = keep[i];
    arcFrom[i] = input.from[k];
    arcTo[i] = input.to[k];
    arcLengthM[i] = input.lengthM[k];
    arcSpeedMps[i] = input.speedMps[k];
    arcRoadClass[i] = input.roadClass[k];
    arcOneway[i] = input.oneway[k];
    arcLine[i] = input.line[k];
    arcOffsets[arcFrom[i] + 1]++;
  }
  for (let v = 0; v < nodeCount; v++) arcOffsets[v + 1] += arcOffsets[v];
  const { inOffsets, inArcs } = backwardCsr(nodeCount, arcTo);
  return {
    nodeCount, arcCount, nodeLonLatDeg: input.nodeLonLatDeg, arcOffsets, arcFrom, arcTo, arcLengthM, arcSpeedMps,
    arcRoadClass, arcOneway, arcLine, inOffsets, inArcs, arcTimeS: travelTimes(arcLengthM, arcSpeedMps),
    lines: input.lines, roadClassNames: input.roadClassNames ?? ROAD_CLASS_NAMES, mode: input.mode ?? 'car',
  };
}

/** Free-flow travel time per arc (s). */
export function travelTimes(lengthM: Float32Array, speedMps: Float32Array): Float64Array {
  const t = new Float64Array(lengthM.length);
  for (let i = 0; i < t.length; i++) t[i] = lengthM[i] / speedMps[i];
  return t;
}

/** Groups arc ids by head node. */
export function backwardCsr(nodeCount: number, arcTo: Uint32Array): { inOffsets: Uint32Array; inArcs: Uint32Array } {
  const inOffsets = new Uint32Array(nodeCount + 1);
  for (let a = 0; a < arcTo.length; a++) inOffsets[arcTo[a] + 1]++;
  for (let v = 0; v < nodeCount; v++) inOffsets[v + 1] += inOffsets[v];
  const fill = inOffsets.slice(0, nodeCount);
  const inArcs = new Uint32Array(arcTo.length);
  for (let a = 0; a < arcTo.length; a++) inArcs[fill[arcTo[a]]++] = a;
  return { inOffsets, inArcs };
}

/** Input arc indices sorted by (from, to), one per ordered pair (the fastest), no self-loops. */
function uniqueFastestArcs(input: ArcList, nodeCount: number): Uint32Array {
  const m = input.from.length;
  const order: number[] = [];
  for (let i = 0; i < m; i++) {
    const u = input.from[i], v = input.to[i];
    if (!(u >= 0 && u < nodeCount && v >= 0 && v < nodeCount)) {
      throw new Error(`arc ${i}: expected node indices in [0, ${nodeCount}), got ${u} -> ${v}`);
    }
    if (!(input.lengthM[i] >= 0 && input.speedMps[i] > 0)) {
      throw new Error(`arc ${i}: expected lengthM >= 0 and speedMps > 0, got ${input.lengthM[i]} m at ${input.speedMps[i]} m/s`);
    }
    if (u !== v) order.push(i);
  }
  const time = (i: number) => input.lengthM[i] / input.speedMps[i];
  order.sort((a, b) => input.from[a] - input.from[b] || input.to[a] - input.to[b] || time(a) - time(b) || a - b);
  const keep: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k], prev = keep.length ? keep[keep.length - 1] : -1;
    if (prev >= 0 && input.from[prev] === input.from[i] && input.to[prev] === input.to[i]) continue;
    keep.push(i);
  }
  return Uint32Array.from(keep);
}
