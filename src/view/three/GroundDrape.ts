import { CanvasTexture, LinearMipmapLinearFilter, LinearFilter, SRGBColorSpace } from 'three';
import { colorOf } from '../overlay/ColorScale';
import type { HeatGridLayer, PolygonLayer } from '../overlay/overlayLayers';
import { cssToRgba } from './cssColor';
import type { SceneFrame } from './SceneFrame';
import type { WallLook } from './WallLook';

/** Scene rectangle (m) a drape covers: x east, z south. */
export interface DrapeRect { xMinM: number; zMinM: number; xMaxM: number; zMaxM: number }

type DrapeEntry =
  | { kind: 'polygons'; layer: PolygonLayer; visible: boolean }
  | { kind: 'heatGrid'; layer: HeatGridLayer; image: HTMLCanvasElement; visible: boolean };

/**
 * The ground drape of the wall: one canvas texture over the city that the terrain shader blends
 * in, so polygons (spatial units, zones) and heat grids follow the terrain exactly. Layers are
 * composited in the order they were added; any change redraws the canvas once, at `flush()`.
 */
export class GroundDrape {
  readonly canvas: HTMLCanvasElement;
  readonly texture: CanvasTexture;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly entries = new Map<string, DrapeEntry>();
  private dirty = false;
  private readonly rgba = new Uint8Array(4);

  constructor(private readonly frame: SceneFrame, private readonly rect: DrapeRect, private readonly look: WallLook, sizePx = 2048) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = this.canvas.height = sizePx;
    this.ctx = this.canvas.getContext('2d')!;
    this.texture = new CanvasTexture(this.canvas);
    // Canvas row 0 is the northern edge (smallest scene z), as the terrain shader reads it.
    this.texture.flipY = false;
    this.texture.colorSpace = SRGBColorSpace;
    this.texture.minFilter = LinearMipmapLinearFilter;
    this.texture.magFilter = LinearFilter;
    this.texture.anisotropy = 8;
    look.uniforms.uDrapeRect.value.set(rect.xMinM, rect.zMinM, rect.xMaxM, rect.zMaxM);
  }

  setPolygons(id: string, layer: PolygonLayer): void {
    const visible = this.entries.get(id)?.visible ?? false;
    this.entries.set(id, { kind: 'polygons', layer, visible });
    this.dirty = true;
  }

  setHeatGrid(id: string, layer: HeatGridLayer): void {
    const visible = this.entries.get(id)?.visible ?? false;
    this.entries.set(id, { kind: 'heatGrid', layer, image: this.heatImage(layer), visible });
    this.dirty = true;
  }

  setVisible(id: string, visible: boolean): void {
    const e = this.entries.get(id);
    if (e && e.visible !== visible) { e.visible = visible; this.dirty = true; }
  }

  remove(id: string): void {
    if (this.entries.delete(id)) this.dirty = true;
  }

  /** Redraws the canvas when anything changed; returns whether it did. */
  flush(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    const { ctx, canvas } = this;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    for (const e of this.entries.values()) {
      if (!e.visible) continue;
      if (e.kind === 'polygons') this.drawPolygons(e.layer);
      else this.drawHeat(e.layer, e.image);
    }
    this.texture.needsUpdate = true;
    // Until something is draped the terrain samples the look's 1x1 transparent texture, not 16 MB of nothing.
    this.look.uniforms.uDrape.value = this.texture;
    return true;
  }

  private px(lonDeg: number, latDeg: number): [number, number] {
    const [x, z] = this.frame.planeOf(lonDeg, latDeg);
    const r = this.rect;
    return [((x - r.xMinM) / (r.xMaxM - r.xMinM)) * this.canvas.width, ((z - r.zMinM) / (r.zMaxM - r.zMinM)) * this.canvas.height];
  }

  private drawPolygons(layer: PolygonLayer): void {
    const { ctx } = this;
    ctx.lineJoin = 'round';
    for (const p of layer.polygons) {
      const ring = p.ringLonLatDeg;
      ctx.beginPath();
      for (let i = 0; i < ring.length; i += 2) {
        const [x, y] = this.px(ring[i], ring[i + 1]);
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      }
      ctx.closePath();
      ctx.globalAlpha = p.fillOpacity;
      ctx.fillStyle = p.fill;
      ctx.fill();
      if (p.outline) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = p.outline;
        ctx.lineWidth = Math.max(2, this.canvas.width / 700);
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
  }

  private drawHeat(layer: HeatGridLayer, image: HTMLCanvasElement): void {
    const [x0, y0] = this.px(layer.westDeg, layer.northDeg);
    const [x1, y1] = this.px(layer.eastDeg, layer.southDeg);
    this.ctx.imageSmoothingEnabled = false;
    this.ctx.globalAlpha = layer.opacity;
    this.ctx.drawImage(image, x0, y0, x1 - x0, y1 - y0);
    this.ctx.globalAlpha = 1;
  }

  /** The grid as a cols x rows image, north row first; NaN and unclassified values transparent. */
  private heatImage(layer: HeatGridLayer): HTMLCanvasElement {
    const c = document.createElement('canvas');
    c.width = layer.cols;
    c.height = layer.rows;
    const g = c.getContext('2d')!;
    const img = g.createImageData(layer.cols, layer.rows);
    const cache = new Map<string, number>();
    for (let j = 0; j < layer.rows; j++) {
      for (let i = 0; i < layer.cols; i++) {
        const v = layer.values[j * layer.cols + i];
        const css = v === v ? colorOf(layer.scale, v) : null;
        if (!css) continue;
        let packed = cache.get(css);
        if (packed === undefined) {
          cssToRgba(css, this.rgba);
          packed = ((this.rgba[0] << 24) | (this.rgba[1] << 16) | (this.rgba[2] << 8) | this.rgba[3]) >>> 0;
          cache.set(css, packed);
        }
        const o = ((layer.rows - 1 - j) * layer.cols + i) * 4;
        img.data[o] = packed >>> 24; img.data[o + 1] = (packed >>> 16) & 255; img.data[o + 2] = (packed >>> 8) & 255; img.data[o + 3] = packed & 255;
      }
    }
    g.putImageData(img, 0, 0);
    return c;
  }

  dispose(): void {
    this.entries.clear();
    this.texture.dispose();
    this.canvas.width = this.canvas.height = 0;
  }
}
