import { SRGBColorSpace, WebGLRenderer, type PerspectiveCamera } from 'three';
import { AdaptiveResolution } from './AdaptiveResolution';
import { viewOffsetOf, type WallLayout } from './WallLayout';

export interface WallSurfaceOptions {
  /** Frame budget to hold by scaling the resolution (ms); null renders at `scale` always. */
  budgetMs: number | null;
  /** Render scale (x device pixel ratio) when not adaptive, the maximum when adaptive. */
  scale: number;
  antialias: boolean;
  /**
   * Frame-rate cap (frames/s), null for every animation frame. A wall PC that also runs other work
   * (or a test machine on software WebGL) draws less often; the adaptive resolution must then be
   * off, since capped frame intervals no longer measure what a frame costs.
   */
  maxFps?: number | null;
}

/**
 * The wall's drawing surface: a WebGL canvas filling its container at any size (up to the GPU's
 * limit: 7680 x 2160 and beyond), this window's part of the whole wall as a camera view offset,
 * and adaptive resolution that scales the drawing buffer to hold a frame budget.
 */
export class WallSurface {
  readonly renderer: WebGLRenderer;
  readonly adaptive: AdaptiveResolution | null;
  /** Canvas size in CSS pixels. */
  widthPx = 1;
  heightPx = 1;
  private scale: number;
  private readonly observer: ResizeObserver;

  constructor(private readonly container: HTMLElement, private readonly camera: PerspectiveCamera, private readonly layout: WallLayout, private readonly o: WallSurfaceOptions) {
    this.renderer = new WebGLRenderer({ antialias: o.antialias, powerPreference: 'high-performance' });
    this.renderer.outputColorSpace = SRGBColorSpace;
    this.renderer.domElement.className = 'wall-canvas';
    container.appendChild(this.renderer.domElement);
    this.adaptive = o.budgetMs ? new AdaptiveResolution({ budgetMs: o.budgetMs, maxScale: o.scale, minScale: Math.min(o.scale, 0.35) }) : null;
    this.scale = o.scale;
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(container);
    this.resize();
  }

  /** Device pixels per CSS pixel actually rendered (device ratio x render scale, within the GPU's size limit). */
  get pixelRatio(): number {
    return this.renderer.getPixelRatio();
  }

  resize(): void {
    const w = Math.max(1, this.container.clientWidth), h = Math.max(1, this.container.clientHeight);
    this.widthPx = w;
    this.heightPx = h;
    this.renderer.setSize(w, h, false);
    this.applyPixelRatio();
    const cam = this.camera, off = viewOffsetOf(this.layout, w, h);
    cam.aspect = off.fullWidth / off.fullHeight;
    if (this.layout.cols * this.layout.rows > 1) cam.setViewOffset(off.fullWidth, off.fullHeight, off.x, off.y, w, h);
    else cam.clearViewOffset();
    cam.updateProjectionMatrix();
  }

  private applyPixelRatio(): void {
    const max = this.renderer.capabilities.maxTextureSize;
    const wanted = window.devicePixelRatio * this.scale;
    const fit = Math.min(wanted, max / this.widthPx, max / this.heightPx);
    if (Math.abs(fit - this.renderer.getPixelRatio()) > 1e-3) this.renderer.setPixelRatio(fit);
  }

  /** Feeds one frame time (ms) to the adaptive resolution and applies a new scale when it gives one. */
  frame(frameMs: number): void {
    const next = this.adaptive?.sample(frameMs);
    if (next) {
      this.scale = next;
      this.applyPixelRatio();
    }
  }

  /** The current render scale (x device pixel ratio). */
  get renderScale(): number {
    return this.scale;
  }

  dispose(): void {
    this.observer.disconnect();
    this.renderer.dispose();
    this.renderer.domElement.remove();
  }
}
