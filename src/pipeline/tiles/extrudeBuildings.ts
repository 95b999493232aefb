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
  /** Per-vertex building index in the whole city's list (the views' state-texture texel). */
  cityIndices: Float32Array;
  indices: Uint32Array;
  /** Axis-aligned bounds in the z-up ENU frame: [minE, minN, minU, maxE, maxN, maxU]. */
  boundsEnu: [number, number, number, number, number, number];
}

/** What extrusion needs of a building (a record, or a merged block of a coarse tile). */
export type Extrudable = Pick<BuildingRecord, 'footprint' | 'heightM'>;

/**
 * Extrudes footprints into walls (flat normals) and earcut roofs, batched with feature ids.
 * `cityIndex[k]` is building k's index in the city's list (defaults to k).
 */
export function extrudeBuildings(buildings: ReadonlyArray<Extrudable>, frame: LocalFrame, dem: DemGrid, cityIndex?: ArrayLike<number>): BuildingMesh {
  let vCount = 0, iCount = 0;
  for (const b of buildings) {
    const n = b.footprint.length;
    vCount += 4 * n + n;
    iCount += 6 * n + 3 * (n - 2);
  }
  const positions = new Float32Array(vCount * 3), normals = new Float32Array(vCount * 3);
  const featureIds = new Float32Array(vCount), cityIndices = new Float32Array(vCount), indices = new Uint32Array(iCount);
  const bounds: [number, number, number, number, number, number] = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
  let v = 0, ix = 0;
  /** One vertex from ENU corner `k` of `corners` (x east, y north, z up) into glTF's y-up frame. */
  const put = (corners: Float64Array, k: number, nx: number, ny: number, nz: number, fid: number) => {
    const e = corners[3 * k], n = corners[3 * k + 1], u = corners[3 * k + 2];
    positions[v * 3] = e; positions[v * 3 + 1] = u; positions[v * 3 + 2] = -n;
    normals[v * 3] = nx; normals[v * 3 + 1] = nz; normals[v * 3 + 2] = -ny;
    featureIds[v] = fid;
    cityIndices[v] = cityIndex ? cityIndex[fid] : fid;
    return v++;
  };
  let base = new Float64Array(0), roof = new Float64Array(0);
  buildings.forEach((b, fid) => {
    const { baseM, roofM } = buildingExtentM(b, dem);
    const ring = b.footprint, n = ring.length;
    // Each corner goes through the exact geodetic transform once per height, not once per face.
    if (base.length < 3 * n) { base = new Float64Array(3 * n); roof = new Float64Array(3 * n); }
    for (let i = 0; i < n; i++) {
      frame.planeToEnu(ring[i][0], ring[i][1], baseM, base, 3 * i);
      frame.planeToEnu(ring[i][0], ring[i][1], roofM, roof, 3 * i);
      for (let k = 0; k < 3; k++) {
        bounds[k] = Math.min(bounds[k], base[3 * i + k], roof[3 * i + k]);
        bounds[k + 3] = Math.max(bounds[k + 3], base[3 * i + k], roof[3 * i + k]);
      }
    }
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const [ax, ay] = ring[i], [bx, by] = ring[j];
      const len = Math.hypot(bx - ax, by - ay) || 1;
      const nx = (by - ay) / len, ny = -(bx - ax) / len;
      const a0 = put(base, i, nx, ny, 0, fid), b0 = put(base, j, nx, ny, 0, fid);
      const b1 = put(roof, j, nx, ny, 0, fid), a1 = put(roof, i, nx, ny, 0, fid);
      indices[ix++] = a0; indices[ix++] = b0; indices[ix++] = b1;
      indices[ix++] = a0; indices[ix++] = b1; indices[ix++] = a1;
    }
    const first = v;
    const flat: number[] = [];
    for (let i = 0; i < n; i++) { put(roof, i, 0, 0, 1, fid); flat.push(ring[i][0], ring[i][1]); }
    const tris = earcut(flat);
    for (let t = 0; t < tris.length; t += 3) {
      const p = tris[t], q = tris[t + 1], r = tris[t + 2];
      const area = (flat[q * 2] - flat[p * 2]) * (flat[r * 2 + 1] - flat[p * 2 + 1]) - (flat[q * 2 + 1] - flat[p * 2 + 1]) * (flat[r * 2] - flat[p * 2]);
      indices[ix++] = first + p;
      indices[ix++] = first + (area >= 0 ? q : r);
      indices[ix++] = first + (area >= 0 ? r : q);
    }
  });
  return {
    positions: positions.subarray(0, v * 3), normals: normals.subarray(0, v * 3), featureIds: featureIds.subarray(0, v),
    cityIndices: cityIndices.subarray(0, v),
    indices: indices.subarray(0, ix), boundsEnu: bounds,
  };
}
