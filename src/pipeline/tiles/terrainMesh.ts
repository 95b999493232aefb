import type { DemGrid } from '../../geo/DemGrid';
import type { LocalFrame } from '../../geo/LocalFrame';
import type { Bounds3 } from './tilesetBox';

export interface TerrainMesh {
  positions: Float32Array;
  normals: Float32Array;
  /** Texture coordinates over the tile square, v = 0 at the northern edge. */
  uvs: Float32Array;
  indices: Uint16Array | Uint32Array;
  boundsEnu: Bounds3;
}

const enu = new Float64Array(3);

/**
 * A terrain tile: the DEM nodes [i0, i0 + cells] x [j0, j0 + cells] sampled every `step` nodes,
 * plus skirts hanging `skirtM` below every edge vertex so neighbouring tiles of other levels show no cracks.
 */
export function terrainMesh(
  dem: DemGrid, frame: LocalFrame, i0: number, j0: number, cells: number, step: number, skirtM: number,
): TerrainMesh {
  const n = cells / step + 1;
  const edge = 4 * (n - 1);
  const vCount = n * n + edge;
  const positions = new Float32Array(vCount * 3), normals = new Float32Array(vCount * 3), uvs = new Float32Array(vCount * 2);
  const bounds: Bounds3 = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
  const cs = dem.cellSizeM * step;
  const heightAt = (i: number, j: number) => dem.at(Math.min(Math.max(i, 0), dem.width - 1), Math.min(Math.max(j, 0), dem.height - 1));
  const put = (v: number, i: number, j: number, drop: number) => {
    const x = dem.xMinM + i * dem.cellSizeM, y = dem.yMinM + j * dem.cellSizeM, h = dem.at(i, j);
    frame.planeToEnu(x, y, h - drop, enu, 0);
    for (let k = 0; k < 3; k++) { bounds[k] = Math.min(bounds[k], enu[k]); bounds[k + 3] = Math.max(bounds[k + 3], enu[k]); }
    positions.set([enu[0], enu[2], -enu[1]], v * 3);
    const dzdx = (heightAt(i + step, j) - heightAt(i - step, j)) / (2 * cs);
    const dzdy = (heightAt(i, j + step) - heightAt(i, j - step)) / (2 * cs);
    const len = Math.hypot(dzdx, dzdy, 1);
    normals.set([-dzdx / len, 1 / len, dzdy / len], v * 3);
    uvs[v * 2] = (i - i0) / cells;
    uvs[v * 2 + 1] = 1 - (j - j0) / cells;
  };
  for (let b = 0; b < n; b++) for (let a = 0; a < n; a++) put(b * n + a, i0 + a * step, j0 + b * step, 0);
  // Perimeter walk (counter-clockwise seen from above) for the skirt.
  const perimeter: Array<[number, number]> = [];
  for (let a = 0; a < n - 1; a++) perimeter.push([a, 0]);
  for (let b = 0; b < n - 1; b++) perimeter.push([n - 1, b]);
  for (let a = n - 1; a > 0; a--) perimeter.push([a, n - 1]);
  for (let b = n - 1; b > 0; b--) perimeter.push([0, b]);
  perimeter.forEach(([a, b], k) => put(n * n + k, i0 + a * step, j0 + b * step, skirtM));
  const iCount = (n - 1) * (n - 1) * 6 + edge * 6;
  const indices = vCount > 65535 ? new Uint32Array(iCount) : new Uint16Array(iCount);
  let ix = 0;
  for (let b = 0; b < n - 1; b++) for (let a = 0; a < n - 1; a++) {
    const p = b * n + a;
    // Plane (x east, y north) CCW from above -> front faces up after the y-up mapping.
    indices.set([p, p + 1, p + n + 1, p, p + n + 1, p + n], ix);
    ix += 6;
  }
  perimeter.forEach(([a, b], k) => {
    const [a2, b2] = perimeter[(k + 1) % edge];
    const top0 = b * n + a, top1 = b2 * n + a2, low0 = n * n + k, low1 = n * n + ((k + 1) % edge);
    indices.set([top0, low0, low1, top0, low1, top1], ix);
    ix += 6;
  });
  return { positions, normals, uvs, indices, boundsEnu: bounds };
}

/** Largest vertical gap (m) between the DEM and a tile sampled every `step` nodes (bilinear between samples). */
export function terrainTileErrorM(dem: DemGrid, i0: number, j0: number, cells: number, step: number): number {
  if (step === 1) return 0;
  let worst = 0;
  for (let j = j0; j <= j0 + cells; j++) for (let i = i0; i <= i0 + cells; i++) {
    const a = Math.floor((i - i0) / step) * step + i0, b = Math.floor((j - j0) / step) * step + j0;
    const a2 = Math.min(a + step, i0 + cells), b2 = Math.min(b + step, j0 + cells);
    const tx = a2 > a ? (i - a) / (a2 - a) : 0, ty = b2 > b ? (j - b) / (b2 - b) : 0;
    const h = (dem.at(a, b) * (1 - tx) + dem.at(a2, b) * tx) * (1 - ty) + (dem.at(a, b2) * (1 - tx) + dem.at(a2, b2) * tx) * ty;
    worst = Math.max(worst, Math.abs(h - dem.at(i, j)));
  }
  return worst;
}
