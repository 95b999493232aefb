import { CanvasTexture, Group, SRGBColorSpace, Sprite, SpriteMaterial, Vector3, type Object3D } from 'three';
import type { OverlayLayerImpl } from '../overlay/OverlayAdapter';
import type { LabelLayer } from '../overlay/overlayLayers';
import type { SceneFrame } from './SceneFrame';

/** Label text height on screen (CSS pixels) and its raster scale (crisp on large walls). */
const TEXT_PX = 18;
const RASTER = 3;
const v = new Vector3();

/**
 * A label layer in the wall: one sprite per label, a constant size on screen, drawn over the city.
 * `layout()` re-sizes the sprites for the current projection and canvas height.
 */
export class ThreeLabelsLayer implements OverlayLayerImpl<LabelLayer> {
  private readonly group = new Group();
  private readonly sprites: Array<{ sprite: Sprite; texture: CanvasTexture; material: SpriteMaterial; aspect: number }> = [];

  constructor(id: string, private readonly parent: Object3D, private readonly frame: SceneFrame, private readonly viewport: { projY: number; heightPx: number }) {
    this.group.name = `overlay:${id}`;
  }

  initialize(): void {}

  update(layer: LabelLayer): void {
    this.clear();
    for (const l of layer.labels) {
      const canvas = document.createElement('canvas');
      const g = canvas.getContext('2d')!;
      const font = `600 ${TEXT_PX * RASTER}px system-ui, 'Noto Sans CJK SC', sans-serif`;
      g.font = font;
      const pad = 6 * RASTER;
      canvas.width = Math.ceil(g.measureText(l.text).width + 2 * pad);
      canvas.height = Math.ceil(TEXT_PX * RASTER * 1.5);
      g.font = font;
      g.fillStyle = 'rgba(4, 10, 18, 0.72)';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.fillStyle = l.color;
      g.textBaseline = 'middle';
      g.fillText(l.text, pad, canvas.height / 2);
      const texture = new CanvasTexture(canvas);
      texture.colorSpace = SRGBColorSpace;
      const material = new SpriteMaterial({ map: texture, sizeAttenuation: false, depthTest: false, depthWrite: false, transparent: true });
      const sprite = new Sprite(material);
      // Anchored a little below its bottom edge: the label floats clear of a marker at the same point.
      sprite.center.set(0.5, -0.5);
      sprite.renderOrder = 30;
      sprite.position.copy(this.frame.toScene(l.lonDeg, l.latDeg, l.heightM, v, 40));
      sprite.name = l.id;
      this.group.add(sprite);
      this.sprites.push({ sprite, texture, material, aspect: canvas.width / canvas.height });
    }
    this.layout();
  }

  /** Sizes every sprite to TEXT_PX * 1.5 pixels tall (three scales sizeAttenuation:false sprites in clip space). */
  layout(): void {
    const h = (2 * TEXT_PX * 1.5) / (this.viewport.heightPx * this.viewport.projY);
    for (const s of this.sprites) s.sprite.scale.set(h * s.aspect, h, 1);
  }

  get count(): number {
    return this.sprites.length;
  }

  private clear(): void {
    for (const s of this.sprites.splice(0)) {
      s.sprite.removeFromParent();
      s.texture.dispose();
      s.material.dispose();
    }
  }

  activate(): void { this.parent.add(this.group); }

  deactivate(): void { this.group.removeFromParent(); }

  destroy(): void {
    this.deactivate();
    this.clear();
  }
}
