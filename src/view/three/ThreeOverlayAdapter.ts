import { Group, type Object3D } from 'three';
import type { OverlayAdapter, OverlayImplFactories } from '../overlay/OverlayAdapter';
import type { OverlayModel } from '../overlay/OverlayModel';
import { OverlaySync } from '../overlay/OverlaySync';
import type { BuildingFeatures } from './BuildingFeatures';
import type { GroundDrape } from './GroundDrape';
import type { SceneFrame } from './SceneFrame';
import { ThreeDrapedLayer } from './ThreeDrapedLayer';
import { ThreeBuildingColorsLayer } from './ThreeBuildingColorsLayer';
import { ThreeLabelsLayer } from './ThreeLabelsLayer';
import { ThreeLinesLayer } from './ThreeLinesLayer';
import { ThreePointsLayer } from './ThreePointsLayer';
import type { WallLook } from './WallLook';

export interface ThreeOverlayParts {
  scene: Object3D;
  frame: SceneFrame;
  look: WallLook;
  drape: GroundDrape;
  features: BuildingFeatures;
}

/**
 * The overlay model drawn by the wall (three): one layer implementation per layer, created and
 * updated by an OverlaySync at `sync()` (once per frame, before rendering). Every object it adds
 * sits under one group named 'overlay' and is named `overlay:<layer id>`.
 */
export class ThreeOverlayAdapter implements OverlayAdapter {
  readonly root = new Group();
  private readonly sync: OverlaySync;
  /** Shared with the layers: the drawing buffer's pixel ratio and size, the projection's y scale. */
  private readonly pixelRatio = { value: 1 };
  private readonly resolution = { width: 1, height: 1 };
  private readonly viewport = { projY: 1, heightPx: 1 };

  constructor(private readonly parts: ThreeOverlayParts) {
    this.root.name = 'overlay';
    parts.scene.add(this.root);
    const { frame, look, drape, features } = parts;
    const factories: OverlayImplFactories = {
      featureColors: (id) => new ThreeBuildingColorsLayer(id, features),
      buildingColors: (id) => new ThreeBuildingColorsLayer(id, features),
      points: (id) => new ThreePointsLayer(id, this.root, frame, look, this.pixelRatio),
      lines: (id) => new ThreeLinesLayer(id, this.root, frame, this.resolution),
      polygons: (id) => new ThreeDrapedLayer(id, drape, this.root, frame),
      heatGrid: (id) => new ThreeDrapedLayer(id, drape, this.root, frame),
      labels: (id) => new ThreeLabelsLayer(id, this.root, frame, this.viewport),
    };
    this.sync = new OverlaySync(factories);
  }

  attach(model: OverlayModel): void {
    this.sync.attach(model);
  }

  /** Applies pending model changes and redraws the drape if needed; allocation-free when nothing changed. */
  update(): void {
    this.sync.sync();
    this.parts.drape.flush();
    this.parts.features.flush();
  }

  /** Tells the layers about the drawing buffer (pixels) and the projection (labels keep their pixel size). */
  setView(pixelRatio: number, widthPx: number, heightPx: number, cssHeightPx: number, projY: number): void {
    if (this.pixelRatio.value === pixelRatio && this.resolution.width === widthPx && this.resolution.height === heightPx
      && this.viewport.heightPx === cssHeightPx && this.viewport.projY === projY) return;
    this.pixelRatio.value = pixelRatio;
    this.resolution.width = widthPx;
    this.resolution.height = heightPx;
    this.viewport.heightPx = cssHeightPx;
    this.viewport.projY = projY;
    this.sync.forEach((impl) => {
      if (impl instanceof ThreeLinesLayer) impl.setResolution(widthPx, heightPx);
      else if (impl instanceof ThreeLabelsLayer) impl.layout();
    });
  }

  /** The version each layer was last drawn at. */
  drawnVersions(): Record<string, number> {
    return this.sync.drawnVersions();
  }

  dispose(): void {
    this.sync.dispose();
    this.root.removeFromParent();
  }
}
