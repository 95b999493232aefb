import type { OverlayLayerImpl } from '../overlay/OverlayAdapter';
import type { FeatureColorLayer } from '../overlay/overlayLayers';
import type { BuildingFeatures } from './BuildingFeatures';

/** A feature-colour layer in the wall: building ids coloured through each tile's feature texture. */
export class ThreeFeatureColorsLayer implements OverlayLayerImpl<FeatureColorLayer> {
  private colors: ReadonlyMap<string, string> | null = null;
  private active = false;

  constructor(private readonly id: string, private readonly features: BuildingFeatures) {}

  initialize(): void {}

  update(layer: FeatureColorLayer): void {
    this.colors = layer.colors;
    if (this.active) this.features.setLayer(this.id, this.colors);
  }

  activate(): void {
    this.active = true;
    this.features.setLayer(this.id, this.colors);
  }

  deactivate(): void {
    this.active = false;
    this.features.setLayer(this.id, null);
  }

  destroy(): void {
    this.deactivate();
    this.colors = null;
  }
}
