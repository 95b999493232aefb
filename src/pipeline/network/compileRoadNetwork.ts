import { LocalFrame } from '../../geo/LocalFrame';
import { buildRoadGraph } from '../../route/buildRoadGraph';
import { segmentLengthM } from '../../route/geodesy';
import type { RoadGraph } from '../../route/RoadGraph';
import type { TravelMode } from '../../route/TravelMode';
import { findCrossings, type PlaneSegments, type SplitPoint } from './findCrossings';
import { lineDirection, lineSpeedKmh } from './modeRules';
import type { RoadLine } from './RoadLine';
import { roadClassCode } from './roadClassCode';
import { VertexMerger } from './VertexMerger';

export interface CompileOptions {
  /**
   * True when lines are not noded where they cross (the demo city): split every line at every
   * crossing. False for OSM-like input, where only shared vertices connect roads (bridges pass over).
   */
  nodeCrossings: boolean;
  /** Vertices closer than this become one node (m). Default 0.5. */
  mergeToleranceM?: number;
  /** The network of which travellers: lines, directions and speeds by modeRules. Default 'car'. */
  mode?: TravelMode;
}

/**
 * Compiles road centrelines into the routable RoadGraph of one travel mode: keeps the lines that
 * mode may use, projects to a local plane, optionally splits lines at crossings, merges near
 * vertices into nodes, and cuts each line into arcs between consecutive nodes in the directions
 * the mode may travel, at its speed. Lengths are ellipsoidal meters.
 */
export function compileRoadNetwork(allLines: ReadonlyArray<RoadLine>, opts: CompileOptions): RoadGraph {
  allLines.forEach(checkLine);
  const mode = opts.mode ?? 'car';
  const lines = allLines.filter((l) => lineDirection(l, mode) !== 'none');
  const tol = opts.mergeToleranceM ?? 0.5;
  const frame = centredFrame(lines);
  const { segments, vertexXy } = toPlaneSegments(lines, frame);
  const splits = opts.nodeCrossings ? findCrossings(segments, tol) : [];
  const splitsBySegment = groupSplits(splits, segments.ax.length);
  const merger = new VertexMerger(tol);
  const from: number[] = [], to: number[] = [], lengthM: number[] = [], speedMps: number[] = [];
  const roadClass: number[] = [], oneway: number[] = [], line: number[] = [];
  const nodeLonLat: number[] = [];
  const nodeOf = (x: number, y: number) => {
    const id = merger.add(x, y);
    if (id * 2 === nodeLonLat.length) nodeLonLat.push(...frame.toLonLat(x, y));
    return id;
  };
  let seg = 0;
  lines.forEach((l, li) => {
    const code = roadClassCode(l.roadClass), mps = lineSpeedKmh(l, mode) / 3.6;
    const dir = lineDirection(l, mode), ahead = dir !== 'backward', back = dir !== 'forward', one = ahead && back ? 0 : 1;
    const xy = vertexXy[li];
    let prev = nodeOf(xy[0], xy[1]);
    const push = (a: number, b: number, len: number) => {
      from.push(a); to.push(b); lengthM.push(len); speedMps.push(mps); roadClass.push(code); oneway.push(one); line.push(li);
    };
    const addArc = (a: number, b: number) => {
      if (a === b) return;
      const len = segmentLengthM(nodeLonLat[2 * a], nodeLonLat[2 * a + 1], nodeLonLat[2 * b], nodeLonLat[2 * b + 1]);
      if (ahead) push(a, b, len);
      if (back) push(b, a, len);
    };
    for (let k = 1; k < xy.length / 2; k++, seg++) {
      for (const sp of splitsBySegment[seg] ?? []) {
        const v = nodeOf(sp.xM, sp.yM);
        addArc(prev, v);
        prev = v;
      }
      const v = nodeOf(xy[2 * k], xy[2 * k + 1]);
      addArc(prev, v);
      prev = v;
    }
  });
  return buildRoadGraph({
    nodeLonLatDeg: Float64Array.from(nodeLonLat), from, to, lengthM, speedMps, roadClass, oneway, line,
    lines: lines.map((l) => ({ id: l.id, name: l.name })), mode,
  });
}

function checkLine(l: RoadLine, i: number): void {
  const where = `road line ${i} (${JSON.stringify(l?.id)})`;
  if (!Array.isArray(l?.coordsLonLat) || l.coordsLonLat.length < 2) throw new Error(`${where}: coordsLonLat expects at least 2 [lon, lat] points`);
  if (!(l.speedKmh > 0)) throw new Error(`${where}: speedKmh expects a positive number, got ${l.speedKmh}`);
  l.coordsLonLat.forEach((c, k) => {
    if (!Array.isArray(c) || !Number.isFinite(c[0]) || !Number.isFinite(c[1]) || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) {
      throw new Error(`${where}: coordsLonLat[${k}] expects [lonDeg, latDeg], got ${JSON.stringify(c)}`);
    }
  });
}

function centredFrame(lines: ReadonlyArray<RoadLine>): LocalFrame {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const l of lines) for (const [lon, lat] of l.coordsLonLat) {
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon); minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
  }
  return lines.length ? new LocalFrame((minLon + maxLon) / 2, (minLat + maxLat) / 2) : new LocalFrame(0, 0);
}

function toPlaneSegments(lines: ReadonlyArray<RoadLine>, frame: LocalFrame): { segments: PlaneSegments; vertexXy: Float64Array[] } {
  const vertexXy = lines.map((l) => Float64Array.from(l.coordsLonLat.flatMap(([lon, lat]) => frame.toPlane(lon, lat))));
  const n = vertexXy.reduce((s, xy) => s + xy.length / 2 - 1, 0);
  const segments: PlaneSegments = {
    ax: new Float64Array(n), ay: new Float64Array(n), bx: new Float64Array(n), by: new Float64Array(n),
    line: new Uint32Array(n), index: new Uint32Array(n),
  };
  let s = 0;
  vertexXy.forEach((xy, li) => {
    for (let k = 1; k < xy.length / 2; k++, s++) {
      segments.ax[s] = xy[2 * k - 2]; segments.ay[s] = xy[2 * k - 1]; segments.bx[s] = xy[2 * k]; segments.by[s] = xy[2 * k + 1];
      segments.line[s] = li; segments.index[s] = k - 1;
    }
  });
  return { segments, vertexXy };
}

function groupSplits(splits: SplitPoint[], segmentCount: number): SplitPoint[][] {
  const by: SplitPoint[][] = new Array(segmentCount);
  for (const sp of splits) (by[sp.segment] ??= []).push(sp);
  for (const list of by) list?.sort((a, b) => a.t - b.t);
  return by;
}
