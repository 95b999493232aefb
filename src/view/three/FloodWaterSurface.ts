import { BufferAttribute, BufferGeometry, DynamicDrawUsage, Mesh, ShaderMaterial, Vector3, type Object3D } from 'three';
import vertexShader from '../../../shaders/wallFloodWater.vert?raw';
import fragmentShader from '../../../shaders/wallFloodWater.frag?raw';
import { LocalFrame } from '../../geo/LocalFrame';
import type { RasterGrid } from '../../sim/core/RasterGrid';
import { FLOOD_DEEP_SRGB, FLOOD_FULL_DEPTH_M, FLOOD_SHALLOW_SRGB, FLOOD_WET_M } from '../overlay/floodDepthScale';
import type { SceneFrame } from './SceneFrame';
import type { WallLook } from './WallLook';

/** Water drawn this far above bed + depth (m), as in the workspace, so shallow sheets are not hidden by the terrain mesh. */
const LIFT_M = 0.3;
const v = new Vector3();
const top = new Vector3();

/**
 * A flood run's water on the wall (the workspace draws it with view/cesium/FloodSurface): one
 * vertex per flood cell centre at its bed height in scene meters, built once per run; `show(depth)`
 * uploads a frame's depths (the vertex shader raises each vertex by its depth) and indexes only
 * the quads with a wet corner. Coloured and animated by shaders/wallFloodWater.*.
 */
export class FloodWaterSurface {
  readonly mesh: Mesh;
  /** Cells wetter than FLOOD_WET_M, and the deepest depth (m), in the frame shown. */
  wetCells = 0;
  maxDepthM = 0;
  private readonly geometry = new BufferGeometry();
  private readonly material: ShaderMaterial;
  private readonly depth: BufferAttribute;
  private readonly index: BufferAttribute;

  constructor(private readonly grid: RasterGrid, bedM: Float32Array, frame: SceneFrame, look: WallLook, parent: Object3D) {
    const { width, height, xMinM, yMinM, cellSizeM } = grid;
    if (bedM.length !== width * height) throw new Error(`bedM must hold width x height = ${width * height} values, got ${bedM.length}`);
    // The grid's plane may have another origin than the scene's: go through lon/lat.
    const plane = new LocalFrame(grid.originLonDeg, grid.originLatDeg);
    const positions = new Float32Array(width * height * 3);
    for (let j = 0, k = 0; j < height; j++) {
      for (let i = 0; i < width; i++, k++) {
        const [lon, lat] = plane.toLonLat(xMinM + (i + 0.5) * cellSizeM, yMinM + (j + 0.5) * cellSizeM);
        frame.toScene(lon, lat, bedM[k], v).toArray(positions, 3 * k);
      }
    }
    // The local vertical at the grid's centre (within 1e-4 rad of every cell's over a few km).
    const [lon, lat] = plane.toLonLat(xMinM + (width * cellSizeM) / 2, yMinM + (height * cellSizeM) / 2);
    const up = frame.toScene(lon, lat, 1000, top).sub(frame.toScene(lon, lat, 0, v)).normalize().clone();
    this.geometry.setAttribute('position', new BufferAttribute(positions, 3));
    this.depth = new BufferAttribute(new Float32Array(width * height), 1).setUsage(DynamicDrawUsage);
    this.geometry.setAttribute('aDepth', this.depth);
    this.index = new BufferAttribute(new Uint32Array(Math.max(0, width - 1) * Math.max(0, height - 1) * 6), 1).setUsage(DynamicDrawUsage);
    this.geometry.setIndex(this.index);
    this.geometry.setDrawRange(0, 0);
    this.geometry.computeBoundingSphere();
    const u = look.uniforms;
    this.material = new ShaderMaterial({
      name: 'wall-flood-water', vertexShader, fragmentShader, transparent: true, depthWrite: false,
      uniforms: {
        uTime: u.uTime, uNight: u.uNight, uSunDir: u.uSunDir, uFogColor: u.uFogColor, uFogRangeM: u.uFogRangeM,
        uUp: { value: up }, uLiftM: { value: LIFT_M },
        uShallow: { value: new Vector3(...FLOOD_SHALLOW_SRGB) }, uDeep: { value: new Vector3(...FLOOD_DEEP_SRGB) },
        uFullDepthM: { value: FLOOD_FULL_DEPTH_M }, uWetM: { value: FLOOD_WET_M },
      },
      polygonOffset: true, polygonOffsetFactor: -2, polygonOffsetUnits: -2,
    });
    this.mesh = new Mesh(this.geometry, this.material);
    this.mesh.name = 'flood-water';
    // After the river (1): flood water spreads over it.
    this.mesh.renderOrder = 2;
    parent.add(this.mesh);
  }

  /** Shows one frame: depth per cell (m, the grid's cells, row 0 south). */
  show(depthM: Float32Array): void {
    const { width, height } = this.grid;
    if (depthM.length !== width * height) throw new Error(`depthM must hold width x height = ${width * height} values, got ${depthM.length}`);
    const depth = this.depth.array as Float32Array;
    depth.set(depthM);
    let wet = 0, max = 0;
    for (let k = 0; k < depth.length; k++) {
      const d = depth[k];
      if (d >= FLOOD_WET_M) wet++;
      if (d > max) max = d;
    }
    this.wetCells = wet;
    this.maxDepthM = max;
    const index = this.index.array as Uint32Array;
    let n = 0;
    for (let j = 0; j < height - 1; j++) {
      for (let i = 0; i < width - 1; i++) {
        const a = j * width + i, b = a + 1, c = a + width, e = c + 1;
        if (depth[a] < FLOOD_WET_M && depth[b] < FLOOD_WET_M && depth[c] < FLOOD_WET_M && depth[e] < FLOOD_WET_M) continue;
        index[n++] = a; index[n++] = b; index[n++] = e;
        index[n++] = a; index[n++] = e; index[n++] = c;
      }
    }
    this.depth.needsUpdate = true;
    this.index.needsUpdate = true;
    this.geometry.setDrawRange(0, n);
  }

  /** Removes the mesh and frees its GPU buffers and program. Safe twice. */
  dispose(): void {
    this.mesh.removeFromParent();
    this.geometry.dispose();
    this.material.dispose();
  }
}
