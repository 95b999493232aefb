import {
  Appearance, BlendingState, BoundingSphere, Cartesian3, ComponentDatatype, Geometry, GeometryAttribute,
  GeometryInstance, Primitive, PrimitiveType, type Cesium3DTileset, type Viewer,
} from 'cesium';
import vertexShaderSource from '../../../shaders/floodWater.vert?raw';
import fragmentShaderSource from '../../../shaders/floodWater.frag?raw';
import { LocalFrame } from '../../geo/LocalFrame';
import type { RasterGrid } from '../../sim/core/RasterGrid';
import { FLOOD_WET_M } from '../overlay/floodDepthScale';

/** Water drawn this far above the bed so shallow sheets are not hidden by the coarser terrain mesh (m). */
const LIFT_M = 0.3;
/**
 * Terrain screen-space error while water is shown (px): at the workspace's default 16 px the city's
 * smooth terrain stays at its root tile (up to 5.7 m off the DEM, 156 m between vertices), which
 * hides sheets a few decimetres deep; at 1 px the tiles around the flood refine towards the DEM the
 * solver ran on.
 */
const TERRAIN_SSE_WITH_WATER_PX = 1;

/**
 * The flood's water surface in the Cesium workspace: a mesh over the flood grid's cell centres at
 * bed + depth, coloured and animated by shaders/floodWater.*; `show(depth)` redraws one frame.
 */
export class FloodSurface {
  private primitive: Primitive | null = null;
  private readonly positions: Float64Array;

  private readonly terrainSsePx: number | null = null;

  /** @param terrain the city's terrain tileset: refined while this surface exists (see TERRAIN_SSE_WITH_WATER_PX). */
  constructor(private readonly viewer: Viewer, private readonly grid: RasterGrid, private readonly bedM: Float32Array,
    private readonly terrain?: Cesium3DTileset) {
    if (terrain) {
      this.terrainSsePx = terrain.maximumScreenSpaceError;
      terrain.maximumScreenSpaceError = Math.min(this.terrainSsePx, TERRAIN_SSE_WITH_WATER_PX);
    }
    const frame = new LocalFrame(grid.originLonDeg, grid.originLatDeg);
    const { width, height, xMinM, yMinM, cellSizeM } = grid;
    // Horizontal positions once; heights are filled per frame.
    this.positions = new Float64Array(width * height * 3);
    const lonLat = new Float64Array(width * height * 2);
    for (let j = 0; j < height; j++) for (let i = 0; i < width; i++) {
      const [lon, lat] = frame.toLonLat(xMinM + (i + 0.5) * cellSizeM, yMinM + (j + 0.5) * cellSizeM);
      lonLat[2 * (j * width + i)] = lon;
      lonLat[2 * (j * width + i) + 1] = lat;
    }
    this.lonLat = lonLat;
  }

  private readonly lonLat: Float64Array;

  /** Draws the water for one depth grid (m per cell, row 0 south). */
  show(depthM: Float32Array): void {
    const { width, height } = this.grid;
    const scratch = new Cartesian3();
    const depth = new Float32Array(width * height);
    for (let k = 0; k < width * height; k++) {
      const d = depthM[k];
      depth[k] = d;
      Cartesian3.fromDegrees(this.lonLat[2 * k], this.lonLat[2 * k + 1], this.bedM[k] + d + LIFT_M, undefined, scratch);
      this.positions[3 * k] = scratch.x; this.positions[3 * k + 1] = scratch.y; this.positions[3 * k + 2] = scratch.z;
    }
    const indices: number[] = [];
    for (let j = 0; j < height - 1; j++) for (let i = 0; i < width - 1; i++) {
      const a = j * width + i, b = a + 1, c = a + width, e = c + 1;
      if (depth[a] < FLOOD_WET_M && depth[b] < FLOOD_WET_M && depth[c] < FLOOD_WET_M && depth[e] < FLOOD_WET_M) continue;
      indices.push(a, b, e, a, e, c);
    }
    this.clear();
    if (indices.length === 0) return;
    const geometry = new Geometry({
      attributes: {
        position: new GeometryAttribute({ componentDatatype: ComponentDatatype.DOUBLE, componentsPerAttribute: 3, values: this.positions }),
        depth: new GeometryAttribute({ componentDatatype: ComponentDatatype.FLOAT, componentsPerAttribute: 1, values: depth }),
      } as never,
      indices: width * height > 65535 ? new Uint32Array(indices) : new Uint16Array(indices),
      primitiveType: PrimitiveType.TRIANGLES,
      boundingSphere: BoundingSphere.fromVertices(Array.from(this.positions)),
    });
    this.primitive = this.viewer.scene.primitives.add(new Primitive({
      geometryInstances: new GeometryInstance({ geometry }),
      appearance: new Appearance({
        vertexShaderSource, fragmentShaderSource, translucent: true,
        renderState: { blending: BlendingState.ALPHA_BLEND, depthTest: { enabled: true }, depthMask: false, cull: { enabled: false } },
      }),
      asynchronous: false, compressVertices: false,
    }));
    this.viewer.scene.requestRender();
  }

  clear(): void {
    if (this.primitive) this.viewer.scene.primitives.remove(this.primitive);
    this.primitive = null;
    this.viewer.scene.requestRender();
  }

  dispose(): void {
    this.clear();
    if (this.terrain && this.terrainSsePx !== null && !this.terrain.isDestroyed()) this.terrain.maximumScreenSpaceError = this.terrainSsePx;
  }
}
