import type { Object3D } from 'three';
import type { OverlayLayerImpl } from '../overlay/OverlayAdapter';
import type { HeatGridLayer, PolygonLayer } from '../overlay/overlayLayers';
import type { GroundDrape } from './GroundDrape';
import type { SceneFrame } from './SceneFrame';
import { ThreeSolids } from './ThreeSolids';

/**
 * A polygon or heat-grid layer in the wall: flat polygons and grids are drawn into the ground
 * drape the terrain shader blends in; extruded polygons are solids in the scene (ThreeSolids).
 */
export class ThreeDrapedLayer implements OverlayLayerImpl<PolygonLayer | HeatGridLayer> {
  private readonly solids: ThreeSolids;
  private visible = false;

  constructor(private readonly id: string, private readonly drape: GroundDrape, parent: Object3D, frame: SceneFrame) {
    this.solids = new ThreeSolids(id, parent, frame);
  }

  initialize(): void {}

  update(layer: PolygonLayer | HeatGridLayer): void {
    if (layer.kind === 'polygons') {
      this.drape.setPolygons(this.id, { ...layer, polygons: layer.polygons.filter((p) => !p.extrude) });
      this.solids.set(layer.polygons, this.visible);
    } else {
      this.drape.setHeatGrid(this.id, layer);
    }
  }

  activate(): void { this.visible = true; this.drape.setVisible(this.id, true); this.solids.setVisible(true); }

  deactivate(): void { this.visible = false; this.drape.setVisible(this.id, false); this.solids.setVisible(false); }

  destroy(): void { this.drape.remove(this.id); this.solids.dispose(); }
}
