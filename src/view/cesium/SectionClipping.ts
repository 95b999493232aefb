import { Cartesian3, ClippingPlane, ClippingPlaneCollection, Color, Matrix4, type Cesium3DTileset, type Scene } from 'cesium';

/** A plane in ECEF (m): points with normal·p + distance >= 0 are kept (Cesium's convention). */
export interface EcefPlane { normalEcef: [number, number, number]; distanceEcef: number }

/**
 * A section through the workspace's tilesets: one ClippingPlaneCollection per tileset (a
 * collection cannot be shared), its planes given in ECEF (the collection's model matrix undoes
 * the tileset's clipping origin), the cut edges drawn yellow. `intersect`: clip only what lies
 * outside every plane (one building's floors above N); else what lies outside any.
 */
export class SectionClipping {
  constructor(private readonly scene: Scene, private readonly tilesets: { buildings: Cesium3DTileset; terrain: Cesium3DTileset }) {}

  /** Cuts the buildings (and the terrain unless `buildingsOnly`) by the planes; an empty list removes the section. */
  set(planes: readonly EcefPlane[], intersect: boolean, buildingsOnly = false): void {
    this.apply(this.tilesets.buildings, planes, intersect);
    this.apply(this.tilesets.terrain, buildingsOnly ? [] : planes, intersect);
    this.scene.requestRender();
  }

  private apply(tileset: Cesium3DTileset, planes: readonly EcefPlane[], intersect: boolean): void {
    if (tileset.isDestroyed()) return;
    if (!planes.length) { tileset.clippingPlanes = undefined as unknown as ClippingPlaneCollection; return; }
    tileset.clippingPlanes = new ClippingPlaneCollection({
      planes: planes.map((p) => new ClippingPlane(new Cartesian3(...p.normalEcef), p.distanceEcef)),
      // The tileset places its clipping planes in its clipping origin's frame (a private member).
      modelMatrix: Matrix4.inverse((tileset as unknown as { clippingPlanesOriginMatrix: Matrix4 }).clippingPlanesOriginMatrix, new Matrix4()),
      unionClippingRegions: !intersect, edgeColor: Color.fromCssColorString('#facc15'), edgeWidth: 1.5,
    });
  }

  /** Planes on the buildings now (tests). */
  get planeCount(): number {
    return this.tilesets.buildings.clippingPlanes?.length ?? 0;
  }

  dispose(): void {
    this.set([], false);
  }
}
