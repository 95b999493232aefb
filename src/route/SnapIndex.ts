import type { RoadGraph } from './RoadGraph';
import { reverseArc } from './RoadGraph';

/** A point snapped onto a road segment. */
export interface Snap {
  /** The segment's canonical arc (for a two-way segment, the one running from the lower node id). */
  arc: number;
  /** The arc running the other way along the segment, -1 when one-way. */
  reverse: number;
  /** Position along `arc` from its tail (0) to its head (1). */
  t: number;
  /**
   * The node the point is at (within NODE_SNAP_TOLERANCE_M of a segment end), else -1. A trip from
   * or to a node starts or ends there, whatever segment won the tie between the node's segments.
   */
  node: number;
  /** Distance from the query point to the road (m). */
  distanceM: number;
  /** The snapped point [lonDeg, latDeg]. */
  lonLat: [number, number];
}

const DEG = Math.PI / 180;
const M_PER_DEG = 111_320;

/**
 * A snapped point this close to a segment end (m, along the segment) is at that node: the same
 * tolerance within which the compiler merges vertices into one node.
 */
export const NODE_SNAP_TOLERANCE_M = 0.5;

/**
 * Nearest-road lookup: a uniform grid over segments in a local equirectangular plane (about 2
 * segments per cell), searched in growing square rings until no closer cell can remain.
 */
export class SnapIndex {
  private readonly g: RoadGraph;
  private readonly lon0: number; private readonly lat0: number; private readonly kx: number;
  private readonly xy: Float64Array;
  private readonly cellM: number; private readonly cols: number; private readonly rows: number;
  private readonly minX: number; private readonly minY: number;
  private readonly cellStart: Uint32Array; private readonly cellArcs: Uint32Array;
  private readonly reverseOf: Int32Array;

  constructor(g: RoadGraph) {
    this.g = g;
    const ll = g.nodeLonLatDeg;
    let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
    for (let v = 0; v < g.nodeCount; v++) {
      minLon = Math.min(minLon, ll[2 * v]); maxLon = Math.max(maxLon, ll[2 * v]);
      minLat = Math.min(minLat, ll[2 * v + 1]); maxLat = Math.max(maxLat, ll[2 * v + 1]);
    }
    this.lon0 = g.nodeCount ? (minLon + maxLon) / 2 : 0;
    this.lat0 = g.nodeCount ? (minLat + maxLat) / 2 : 0;
    this.kx = M_PER_DEG * Math.cos(this.lat0 * DEG);
    this.xy = new Float64Array(2 * g.nodeCount);
    for (let v = 0; v < g.nodeCount; v++) this.toXy(ll[2 * v], ll[2 * v + 1], this.xy, 2 * v);
    this.reverseOf = new Int32Array(g.arcCount);
    const canonical: number[] = [];
    for (let a = 0; a < g.arcCount; a++) {
      this.reverseOf[a] = reverseArc(g, a);
      if (this.reverseOf[a] < 0 || g.arcFrom[a] < g.arcTo[a]) canonical.push(a);
    }
    const width = (maxLon - minLon) * this.kx || 1, height = (maxLat - minLat) * M_PER_DEG || 1;
    // About 2 segments per cell, cells of 20 m to 2 km, and never more than 4 cells per segment: a
    // network whose nodes span a continent (a stray node) gets bigger cells, not a huge grid.
    const maxCells = Math.max(4096, 4 * canonical.length);
    this.cellM = Math.max(
      Math.min(2000, Math.max(20, Math.sqrt((width * height) / Math.max(1, canonical.length / 2)))),
      Math.sqrt((width * height) / maxCells) * 1.05 + 1,
    );
    this.minX = -width / 2 - this.cellM; this.minY = -height / 2 - this.cellM;
    this.cols = Math.ceil(width / this.cellM) + 3; this.rows = Math.ceil(height / this.cellM) + 3;
    ({ start: this.cellStart, arcs: this.cellArcs } = this.bucket(canonical));
  }

  private toXy(lon: number, lat: number, out: Float64Array | number[], o: number): void {
    out[o] = (lon - this.lon0) * this.kx;
    out[o + 1] = (lat - this.lat0) * M_PER_DEG;
  }

  private cellRange(a: number): [number, number, number, number] {
    const u = this.g.arcFrom[a], v = this.g.arcTo[a], xy = this.xy, c = this.cellM;
    return [
      Math.floor((Math.min(xy[2 * u], xy[2 * v]) - this.minX) / c), Math.floor((Math.max(xy[2 * u], xy[2 * v]) - this.minX) / c),
      Math.floor((Math.min(xy[2 * u + 1], xy[2 * v + 1]) - this.minY) / c), Math.floor((Math.max(xy[2 * u + 1], xy[2 * v + 1]) - this.minY) / c),
    ];
  }

  private bucket(arcs: number[]): { start: Uint32Array; arcs: Uint32Array } {
    const start = new Uint32Array(this.cols * this.rows + 1);
    const each = (f: (cell: number, a: number) => void) => {
      for (const a of arcs) {
        const [x0, x1, y0, y1] = this.cellRange(a);
        for (let cy = y0; cy <= y1; cy++) for (let cx = x0; cx <= x1; cx++) f(cy * this.cols + cx, a);
      }
    };
    each((cell) => start[cell + 1]++);
    for (let i = 0; i < this.cols * this.rows; i++) start[i + 1] += start[i];
    const fill = start.slice(0, -1), out = new Uint32Array(start[start.length - 1]);
    each((cell, a) => { out[fill[cell]++] = a; });
    return { start, arcs: out };
  }

  /**
   * The nearest road segment to [lonDeg, latDeg] within `maxDistanceM` (default 2000), among arcs
   * `accept` allows (e.g. not closed), or null.
   */
  nearest(lonDeg: number, latDeg: number, maxDistanceM = 2000, accept?: (arc: number) => boolean): Snap | null {
    const px = (lonDeg - this.lon0) * this.kx, py = (latDeg - this.lat0) * M_PER_DEG;
    const cx = Math.floor((px - this.minX) / this.cellM), cy = Math.floor((py - this.minY) / this.cellM);
    let best = -1, bestD2 = maxDistanceM * maxDistanceM, bestT = 0;
    const maxRing = Math.ceil(maxDistanceM / this.cellM) + 1;
    for (let r = 0; r <= maxRing; r++) {
      for (let y = cy - r; y <= cy + r; y++) {
        if (y < 0 || y >= this.rows) continue;
        const step = y === cy - r || y === cy + r ? 1 : 2 * r;
        for (let x = cx - r; x <= cx + r; x += Math.max(1, step)) {
          if (x < 0 || x >= this.cols) continue;
          const cell = y * this.cols + x;
          for (let k = this.cellStart[cell]; k < this.cellStart[cell + 1]; k++) {
            const a = this.cellArcs[k];
            if (accept && !accept(a) && !(this.reverseOf[a] >= 0 && accept(this.reverseOf[a]))) continue;
            const t = this.project(a, px, py);
            const d2 = this.dist2(a, t, px, py);
            if (d2 < bestD2 || (d2 === bestD2 && best >= 0 && a < best)) { bestD2 = d2; best = a; bestT = t; }
          }
        }
      }
      if (best >= 0 && r * this.cellM >= Math.sqrt(bestD2)) break;
    }
    if (best < 0) return null;
    const g = this.g, u = g.arcFrom[best], v = g.arcTo[best], ll = g.nodeLonLatDeg;
    const lengthM = Math.hypot(this.xy[2 * v] - this.xy[2 * u], this.xy[2 * v + 1] - this.xy[2 * u + 1]);
    const node = bestT * lengthM <= NODE_SNAP_TOLERANCE_M && bestT <= 0.5 ? u : (1 - bestT) * lengthM <= NODE_SNAP_TOLERANCE_M ? v : -1;
    return {
      arc: best, reverse: this.reverseOf[best], t: bestT, node, distanceM: Math.sqrt(bestD2),
      lonLat: node >= 0 ? [ll[2 * node], ll[2 * node + 1]] : [ll[2 * u] + bestT * (ll[2 * v] - ll[2 * u]), ll[2 * u + 1] + bestT * (ll[2 * v + 1] - ll[2 * u + 1])],
    };
  }

  private project(a: number, px: number, py: number): number {
    const u = this.g.arcFrom[a], v = this.g.arcTo[a], xy = this.xy;
    const dx = xy[2 * v] - xy[2 * u], dy = xy[2 * v + 1] - xy[2 * u + 1];
    const len2 = dx * dx + dy * dy;
    return len2 > 0 ? Math.min(1, Math.max(0, ((px - xy[2 * u]) * dx + (py - xy[2 * u + 1]) * dy) / len2)) : 0;
  }

  private dist2(a: number, t: number, px: number, py: number): number {
    const u = this.g.arcFrom[a], v = this.g.arcTo[a], xy = this.xy;
    const x = xy[2 * u] + t * (xy[2 * v] - xy[2 * u]) - px, y = xy[2 * u + 1] + t * (xy[2 * v + 1] - xy[2 * u + 1]) - py;
    return x * x + y * y;
  }
}
