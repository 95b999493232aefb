import earcut from 'earcut';
import type { DemGrid } from '../../geo/DemGrid';
import type { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { buildingExtentM } from '../../twin/buildingExtent';

/** Batched, extruded building geometry in glTF's y-up local frame (x east, y up, z south). */
export interface BuildingMesh {
  positions: Float32Array;
  normals: Float32Array;
  /** Per-vertex feature id: the building's index in the batch. */
  featureIds: Float32Array;
  indices: Uint32Array;
  /** Axis-aligned bounds in the z-up ENU frame: [minE, minN, minU, maxE, maxN, maxU]. */
  boundsEnu: [number, number, number, number, number, number];
}

const enu = new Float64Array(3);

/** What extrusion needs of a building (a record, or a merged block of a coarse tile). */
export type Extrudable = Pick<BuildingRecord, 'footprint' | 'heightM'>;

/** Extrudes footprints into walls (flat normals) and earcut roofs, batched with feature ids. */
export function extrudeBuildings(buildings: ReadonlyArray<Extrudable>, frame: LocalFrame, dem: DemGrid): BuildingMesh {
  let vCount = 0, iCount = 0;
  for (const b of buildings) {
    const n = b.footprint.length;
    vCount += 4 * n + n;
    iCount += 6 * n + 3 * (n - 2);
  }
  const positions = new Float32Array(vCount * 3), normals = new Float32Array(vCount * 3);
  const featureIds = new Float32Array(vCount), indices = new Uint32Array(iCount);
  const bounds: [number, number, number, number, number, number] = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
  let v = 0, ix = 0;
  const put = (x: number, y: number, h: number, nx: number, ny: number, nz: number, fid: number) => {
    frame.planeToEnu(x, y, h, enu, 0);
    for (let k = 0; k < 3; k++) { bounds[k] = Math.min(bounds[k], enu[k]); bounds[k + 3] = Math.max(bounds[k + 3], enu[k]); }
    positions[v * 3] = enu[0]; positions[v * 3 + 1] = enu[2]; positions[v * 3 + 2] = -enu[1];
    normals[v * 3] = nx; normals[v * 3 + 1] = nz; normals[v * 3 + 2] = -ny;
    featureIds[v] = fid;
    return v++;
  };
  buildings.forEach((b, fid) => {
    const { baseM, roofM } = buildingExtentM(b, dem);
    const ring = b.footprint, n = ring.length;
    for (let i = 0; i < n; i++) {
      const [ax, ay] = ring[i], [bx, by] = ring[(i + 1) % n];
      const len = Math.hypot(bx - ax, by - ay) || 1;
      const nx = (by - ay) / len, ny = -(bx - ax) / len;
      const a0 = put(ax, ay, baseM, nx, ny, 0, fid), b0 = put(bx, by, baseM, nx, ny, 0, fid);
      const b1 = put(bx, by, roofM, nx, ny, 0, fid), a1 = put(ax, ay, roofM, nx, ny, 0, fid);
      indices.set([a0, b0, b1, a0, b1, a1], ix);
      ix += 6;
    }
    const first = v;
    const flat: number[] = [];
    for (const [x, y] of ring) { put(x, y, roofM, 0, 0, 1, fid); flat.push(x, y); }
    const tris = earcut(flat);
    for (let t = 0; t < tris.length; t += 3) {
      const [p, q, r] = [tris[t], tris[t + 1], tris[t + 2]];
      const area = (flat[q * 2] - flat[p * 2]) * (flat[r * 2 + 1] - flat[p * 2 + 1]) - (flat[q * 2 + 1] - flat[p * 2 + 1]) * (flat[r * 2] - flat[p * 2]);
      if (area >= 0) indices.set([first + p, first + q, first + r], ix);
      else indices.set([first + p, first + r, first + q], ix);
      ix += 3;
    }
  });
  return {
    positions: positions.subarray(0, v * 3), normals: normals.subarray(0, v * 3), featureIds: featureIds.subarray(0, v),
    indices: indices.subarray(0, ix), boundsEnu: bounds,
  };
}
