import type { OverlayLayerImpl } from '../overlay/OverlayAdapter';
import type { HeatGridLayer, PolygonLayer } from '../overlay/overlayLayers';
import type { GroundDrape } from './GroundDrape';

/** A polygon or heat-grid layer in the wall: drawn into the ground drape the terrain shader blends in. */
export class ThreeDrapedLayer implements OverlayLayerImpl<PolygonLayer | HeatGridLayer> {
  constructor(private readonly id: string, private readonly drape: GroundDrape) {}

  initialize(): void {}

  update(layer: PolygonLayer | HeatGridLayer): void {
    if (layer.kind === 'polygons') this.drape.setPolygons(this.id, layer);
    else this.drape.setHeatGrid(this.id, layer);
  }

  activate(): void { this.drape.setVisible(this.id, true); }

  deactivate(): void { this.drape.setVisible(this.id, false); }

  destroy(): void { this.drape.remove(this.id); }
}
