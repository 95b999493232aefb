import type { OverlayModel } from './OverlayModel';
import type { LayerOfKind, OverlayLayer, OverlayLayerKind } from './overlayLayers';

/** A view's drawing of an overlay model (one per engine: three, Cesium). */
export interface OverlayAdapter {
  /** Starts drawing `model` (and its later changes); a second attach replaces the first model. */
  attach(model: OverlayModel): void;
  /** Removes everything the adapter drew and frees its GPU resources; safe twice. */
  dispose(): void;
}

/**
 * One engine's implementation of one overlay layer (VC Map's layer implementation): created on the
 * layer's first appearance, `initialize`d once, `update`d with each new version of the data,
 * `activate`d / `deactivate`d to show / hide, `destroy`ed when the layer goes.
 */
export interface OverlayLayerImpl<L extends OverlayLayer = OverlayLayer> {
  initialize(): void;
  update(layer: L): void;
  activate(): void;
  deactivate(): void;
  destroy(): void;
}

/** Per kind, how an engine creates a layer implementation (given the layer id). */
export type OverlayImplFactories = { [K in OverlayLayerKind]: (id: string) => OverlayLayerImpl<LayerOfKind<K>> };
