import type { RasterGrid } from '../core/RasterGrid';

/** A polygon in plane meters: outer ring (counter-clockwise) then holes (clockwise), each closed. */
export type PlanePolygon = Array<Array<[number, number]>>;

// Directions of a boundary edge: east, north, west, south (counter-clockwise order).
const DI = [1, 0, -1, 0], DJ = [0, 1, 0, -1];

/**
 * The outline of the cells where `mask` is non-zero as polygons with holes, on cell edges.
 * Every mask cell contributes its sides that face a cell outside the mask, directed so the mask
 * lies on the left; the sides chain into rings, and where two mask cells touch only at a corner
 * the chain turns left, so they become separate rings (no self-crossing). Collinear points are
 * dropped; each hole goes to the smallest outer ring that contains it.
 */
export function maskToPolygons(grid: RasterGrid, mask: Uint8Array): PlanePolygon[] {
  const { width: w, height: h } = grid;
  const inside = (i: number, j: number) => i >= 0 && j >= 0 && i < w && j < h && mask[j * w + i] !== 0;
  // Outgoing boundary edges per vertex (id vj * (w + 1) + vi) as 4-bit direction sets.
  const all = new Map<number, number>();
  const add = (vi: number, vj: number, dir: number) => {
    const v = vj * (w + 1) + vi;
    all.set(v, (all.get(v) ?? 0) | (1 << dir));
  };
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) {
    if (!mask[j * w + i]) continue;
    if (!inside(i, j - 1)) add(i, j, 0);
    if (!inside(i + 1, j)) add(i + 1, j, 1);
    if (!inside(i, j + 1)) add(i + 1, j + 1, 2);
    if (!inside(i - 1, j)) add(i, j + 1, 3);
  }
  const unused = new Map(all);
  const outers: Array<{ ring: Array<[number, number]>; area: number }> = [], holes: Array<Array<[number, number]>> = [];
  for (const v of all.keys()) {
    let bits: number;
    while ((bits = unused.get(v)!) !== 0) {
      const ring = traceRing(all, unused, v, 31 - Math.clz32(bits & -bits), w, grid);
      const area = signedArea(ring);
      if (area > 0) outers.push({ ring, area }); else holes.push(ring);
    }
  }
  const polygons: PlanePolygon[] = outers.map((o) => [o.ring]);
  for (const hole of holes) {
    const [px, py] = pointLeftOfFirstEdge(hole, grid.cellSizeM);
    let best = -1;
    outers.forEach((o, k) => {
      if (containsPoint(o.ring, px, py) && (best < 0 || o.area < outers[best].area)) best = k;
    });
    if (best >= 0) polygons[best].push(hole);
  }
  return polygons;
}

/**
 * Follows edges from (start, startDir) until that edge comes round again. The successor of an edge
 * is the first outgoing edge at its head turning left, straight or right: one-to-one on the edges,
 * so the rings partition them. Points are kept only where the direction changes.
 */
function traceRing(
  all: Map<number, number>, unused: Map<number, number>, start: number, startDir: number, w: number, grid: RasterGrid,
): Array<[number, number]> {
  const pts: Array<[number, number]> = [];
  let v = start, dir = startDir, prevDir = -1;
  do {
    unused.set(v, unused.get(v)! & ~(1 << dir));
    const vi = v % (w + 1), vj = (v - vi) / (w + 1);
    if (dir !== prevDir) pts.push([grid.xMinM + vi * grid.cellSizeM, grid.yMinM + vj * grid.cellSizeM]);
    v = (vj + DJ[dir]) * (w + 1) + vi + DI[dir];
    prevDir = dir;
    const outs = all.get(v)!;
    dir = (prevDir + 1) % 4;
    if (!(outs & (1 << dir))) dir = outs & (1 << prevDir) ? prevDir : (prevDir + 3) % 4;
  } while (v !== start || dir !== startDir);
  if (prevDir === startDir) pts.shift();
  pts.push([pts[0][0], pts[0][1]]);
  return pts;
}

function signedArea(ring: Array<[number, number]>): number {
  let a = 0;
  for (let k = 0; k + 1 < ring.length; k++) a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
  return a / 2;
}

/** A point a quarter cell to the left of the ring's first edge: inside the mask cell it bounds. */
function pointLeftOfFirstEdge(ring: Array<[number, number]>, cellSizeM: number): [number, number] {
  const [a, b] = ring, len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const ux = (b[0] - a[0]) / len, uy = (b[1] - a[1]) / len;
  const mx = a[0] + ux * 0.5 * cellSizeM, my = a[1] + uy * 0.5 * cellSizeM;
  return [mx - uy * 0.25 * cellSizeM, my + ux * 0.25 * cellSizeM];
}

/** Even-odd point in ring test (the point is never on a cell edge here). */
function containsPoint(ring: Array<[number, number]>, x: number, y: number): boolean {
  let inside = false;
  for (let k = 0, m = ring.length - 1; k < m; k++) {
    const [ax, ay] = ring[k], [bx, by] = ring[k + 1];
    if ((ay > y) !== (by > y) && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
  }
  return inside;
}
