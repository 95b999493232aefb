import { Cartesian3, ClippingPlane, ClippingPlaneCollection, Color, Matrix4, type Cesium3DTileset, type Scene } from 'cesium';

/** A plane in ECEF (m): points with normal·p + distance >= 0 are kept (Cesium's convention). */
export interface EcefPlane { normalEcef: [number, number, number]; distanceEcef: number }

/**
 * A section through the workspace's tilesets: one ClippingPlaneCollection per tileset (a
 * collection cannot be shared; kept for the tileset's life, see apply), its planes given in ECEF (the collection's model matrix undoes
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

  /**
   * One collection per tileset for its life, emptied and disabled when the section is removed: a
   * tileset whose collection was replaced or set to undefined kept drawing tiles with the old
   * collection's destroyed texture, and Cesium stopped rendering ("reading '_target'") when a
   * vertical section was removed.
   */
  private apply(tileset: Cesium3DTileset, planes: readonly EcefPlane[], intersect: boolean): void {
    if (tileset.isDestroyed()) return;
    let collection = tileset.clippingPlanes as ClippingPlaneCollection | undefined;
    if (!collection) {
      if (!planes.length) return;
      tileset.clippingPlanes = collection = new ClippingPlaneCollection({ edgeColor: Color.fromCssColorString('#facc15'), edgeWidth: 1.5 });
    }
    collection.removeAll();
    for (const p of planes) collection.add(new ClippingPlane(new Cartesian3(...p.normalEcef), p.distanceEcef));
    // The tileset places its clipping planes in its clipping origin's frame (a private member).
    collection.modelMatrix = Matrix4.inverse((tileset as unknown as { clippingPlanesOriginMatrix: Matrix4 }).clippingPlanesOriginMatrix, new Matrix4());
    collection.unionClippingRegions = !intersect;
    collection.enabled = planes.length > 0;
    // The planes' texture is made by the collection's update, which the tileset runs before a drawn
    // frame's passes but not before a pick: a pick before the next frame (a click just after the
    // section is set) read a texture that did not exist yet and threw. Made now.
    (collection as unknown as { update(frameState: unknown): void }).update((this.scene as unknown as { frameState: unknown }).frameState);
  }

  /** Planes on the buildings now (tests). */
  get planeCount(): number {
    return this.tilesets.buildings.clippingPlanes?.length ?? 0;
  }

  dispose(): void {
    this.set([], false);
  }
}
