import { Cartesian3, JulianDate, type Camera, type Viewer } from 'cesium';
import type { DemGrid } from '../../../geo/DemGrid';
import { CesiumOverlayAdapter } from '../CesiumOverlayAdapter';
import { CityTilesets } from '../CityTilesets';
import { createOfflineViewer } from '../createOfflineViewer';
import { OverlayModel } from '../../overlay/OverlayModel';
import { copyCamera } from './cameraState';

/**
 * Split screen for comparing runs: the workspace's own viewer keeps the left half (baseline) and a
 * second offline Cesium Viewer over the same city takes the right half (variant), with its own
 * overlay model. Cameras are linked both ways: whichever camera moves, the other follows in the
 * same frame. Two viewers, not splitDirection, because result layers are primitives, which
 * splitDirection cannot split. The halves share the width left of the side panel (body.sc-comparing);
 * dispose() gives the left viewer its whole width back.
 */
export class SplitCompare {
  readonly right: Viewer;
  readonly rightTilesets: CityTilesets;
  /** What the right half draws (the variant's layers). */
  readonly rightOverlay = new OverlayModel();
  private readonly container: HTMLElement;
  private readonly labels: HTMLElement[];
  private adapter: CesiumOverlayAdapter | null = null;
  private readonly removers: Array<() => void> = [];
  private syncing = false;

  constructor(private readonly left: Viewer, private readonly leftHost: HTMLElement, cityUrl: string, private readonly dem: DemGrid | null, titles: [string, string]) {
    // The stylesheet splits the width left of the side column (body.sc-comparing).
    leftHost.ownerDocument.body.classList.add('sc-comparing');
    this.container = document.createElement('div');
    this.container.className = 'sc-compare-right';
    this.container.setAttribute('aria-label', `Variant view: ${titles[1]}`);
    document.body.appendChild(this.container);
    this.labels = titles.map((t, k) => {
      const l = document.createElement('div');
      l.className = 'sc-compare-label';
      l.style.left = k === 0 ? '12px' : 'calc((100% - var(--side-w)) / 2 + 12px)';
      l.textContent = t;
      document.body.appendChild(l);
      return l;
    });
    this.right = createOfflineViewer(this.container);
    this.right.clock.currentTime = JulianDate.clone(left.clock.currentTime);
    this.rightTilesets = new CityTilesets(this.right, cityUrl, () => this.right.scene.requestRender());
    this.link(left, this.right);
    this.link(this.right, left);
    copyCamera(left.camera, this.right.camera);
  }

  /** Loads the right half's tilesets and starts drawing its overlay. */
  async load(): Promise<void> {
    await this.rightTilesets.load();
    if (this.right.isDestroyed()) return;
    this.adapter = new CesiumOverlayAdapter(this.right, this.rightTilesets.buildings, this.dem);
    this.adapter.attach(this.rightOverlay);
    copyCamera(this.left.camera, this.right.camera);
    this.right.scene.requestRender();
  }

  /** When `a`'s camera moves, `b`'s takes the same pose (changed fires on any move with percentageChanged ~0). */
  private link(a: Viewer, b: Viewer): void {
    a.camera.percentageChanged = 1e-6;
    const follow = () => {
      // Equal poses end the ping-pong: b's render after the copy finds nothing to copy back.
      if (this.syncing || b.isDestroyed() || samePose(a.camera, b.camera)) return;
      this.syncing = true;
      copyCamera(a.camera, b.camera);
      b.scene.requestRender();
      this.syncing = false;
    };
    this.removers.push(a.camera.changed.addEventListener(follow), a.scene.postRender.addEventListener(follow));
  }

  /** Both halves' canvases (left first), for snapshots. */
  canvases(): [HTMLCanvasElement, HTMLCanvasElement] {
    return [this.left.scene.canvas, this.right.scene.canvas];
  }

  dispose(): void {
    for (const r of this.removers.splice(0)) r();
    this.adapter?.dispose();
    this.rightTilesets.dispose();
    if (!this.right.isDestroyed()) this.right.destroy();
    this.container.remove();
    for (const l of this.labels) l.remove();
    this.leftHost.ownerDocument.body.classList.remove('sc-comparing');
    this.left.camera.percentageChanged = 0.5;
    this.left.scene.requestRender();
  }
}

/** True when two cameras sit at the same place looking the same way (within 1 mm / 1e-9). */
function samePose(a: Camera, b: Camera): boolean {
  return Cartesian3.equalsEpsilon(a.positionWC, b.positionWC, 0, 1e-3)
    && Cartesian3.equalsEpsilon(a.directionWC, b.directionWC, 1e-9) && Cartesian3.equalsEpsilon(a.upWC, b.upWC, 1e-9);
}
