import type { OverlayLayerImpl } from '../overlay/OverlayAdapter';
import type { BuildingColorLayer, FeatureColorLayer } from '../overlay/overlayLayers';
import type { BuildingFeatures } from './BuildingFeatures';

/** A building colour layer in the wall (by id or by city index): handed to the city-wide state texture while active. */
export class ThreeBuildingColorsLayer implements OverlayLayerImpl<FeatureColorLayer | BuildingColorLayer> {
  private layer: FeatureColorLayer | BuildingColorLayer | null = null;
  private active = false;

  constructor(private readonly id: string, private readonly features: BuildingFeatures) {}

  initialize(): void {}

  update(layer: FeatureColorLayer | BuildingColorLayer): void {
    this.layer = layer;
    if (this.active) this.features.setLayer(this.id, layer);
  }

  activate(): void {
    this.active = true;
    this.features.setLayer(this.id, this.layer);
  }

  deactivate(): void {
    this.active = false;
    this.features.setLayer(this.id, null);
  }

  destroy(): void {
    this.deactivate();
    this.layer = null;
  }
}
