import {
  BoundingSphere, Cartesian2, Cartesian3, Cartographic, Cesium3DTileFeature, HeadingPitchRange, JulianDate, Math as CesiumMath, Matrix4,
  type Scene, SceneMode, ScreenSpaceEventHandler, ScreenSpaceEventType, SceneTransforms, type Viewer,
} from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import type { BuildingProperties } from '../../ui/BuildingPanel';
import type { TileBudget } from '../tileBudget';
import { CityTilesets, type TilesetLoadState } from './CityTilesets';
import { createOfflineViewer } from './createOfflineViewer';

export type SceneModeName = '3d' | '2d' | 'columbus';

export interface WorkspaceOptions {
  container: HTMLElement;
  /** URL of the city folder holding buildings/ and terrain/ (e.g. '/tilesets/demo'). */
  cityUrl: string;
  /** City centre to fly to on load (degrees). */
  centerLonLat: [number, number];
  /** Seconds of the opening flight; 0 jumps straight there. */
  flightSeconds: number;
  /** Half the side of the city's square (m): the overview frames it (default 4600, the demo city). */
  homeHalfSizeM?: number;
  onLoadState: (s: TilesetLoadState) => void;
  /** Tile memory budget and screen-space error of the tilesets (default: tileBudget()). */
  budget?: TileBudget;
  /** Every click on the canvas: the ground or roof under it, and what was picked there. */
  onClick: (hit: WorkspaceClick) => void;
}

/** What a click on the workspace hit. */
export interface WorkspaceClick {
  lonLat: [number, number] | null;
  /** The picked building's metadata, or null. */
  building: BuildingProperties | null;
  /** Id of another picked primitive (a sensor marker, a vehicle), or null. */
  objectId: string | null;
}

/** The planner's and analyst's 2D/3D workspace: a Cesium Viewer over the city's tilesets. */
export class CesiumWorkspace {
  readonly viewer: Viewer;
  readonly tilesets: CityTilesets;
  private readonly handler: ScreenSpaceEventHandler;
  private pickTransparent: () => Iterable<{ show: boolean }> = () => [];

  constructor(private readonly opts: WorkspaceOptions) {
    this.viewer = createOfflineViewer(opts.container);
    // Fixed time of day so lighting (and screenshots) repeat: 10:00 in Chengdu.
    this.viewer.clock.currentTime = JulianDate.fromIso8601('2026-06-21T02:00:00Z');
    this.tilesets = new CityTilesets(this.viewer, opts.cityUrl, opts.onLoadState, opts.budget?.workspace);
    this.handler = new ScreenSpaceEventHandler(this.viewer.scene.canvas);
    this.handler.setInputAction((e: { position: Cartesian2 }) => opts.onClick(this.hitAt(e.position)), ScreenSpaceEventType.LEFT_CLICK);
  }

  async load(): Promise<void> {
    this.viewer.camera.setView({ destination: Cartesian3.fromDegrees(this.opts.centerLonLat[0], this.opts.centerLonLat[1], 2.0e7) });
    await this.tilesets.load();
    this.flyHome(this.opts.flightSeconds);
  }

  /** The overview camera: the whole city, seen from the south in 3D and Columbus view, from above in 2D. */
  flyHome(seconds = 1.5): void {
    const [lon, lat] = this.opts.centerLonLat;
    const topDown = this.viewer.scene.mode === SceneMode.SCENE2D;
    // From the south at 42° down: 1.35 half-sizes up and 1.98 back frames the square (3 from above).
    const half = this.opts.homeHalfSizeM ?? 4600, degPerM = 1 / 111_320;
    this.viewer.camera.flyTo({
      destination: topDown ? Cartesian3.fromDegrees(lon, lat, half * 3) : Cartesian3.fromDegrees(lon, lat - half * 1.98 * degPerM, half * 1.35),
      orientation: { heading: 0, pitch: CesiumMath.toRadians(topDown ? -90 : -42), roll: 0 },
      duration: motionSeconds(seconds),
    });
  }

  /** Looks at a point from `rangeM` meters; straight down by default, so the building there ends up mid-screen. */
  lookAt(lonDeg: number, latDeg: number, heightM: number, rangeM: number, pitchDeg = -89.9): void {
    this.viewer.camera.lookAt(Cartesian3.fromDegrees(lonDeg, latDeg, heightM), new HeadingPitchRange(0, CesiumMath.toRadians(pitchDeg), rangeM));
    this.viewer.camera.lookAtTransform(Matrix4.IDENTITY);
    this.viewer.scene.requestRender();
  }

  /** Flies to look at a point from `rangeM` meters at `pitchDeg`, heading north, in `seconds`. */
  flyTo(lonDeg: number, latDeg: number, heightM: number, rangeM: number, pitchDeg: number, seconds: number): void {
    this.viewer.camera.flyToBoundingSphere(new BoundingSphere(Cartesian3.fromDegrees(lonDeg, latDeg, heightM), 1), {
      offset: new HeadingPitchRange(0, CesiumMath.toRadians(pitchDeg), rangeM), duration: motionSeconds(seconds),
    });
  }

  /** Window pixel position of a geographic point, or null when off-screen. */
  screenPositionOf(lonDeg: number, latDeg: number, heightM: number): { x: number; y: number } | null {
    const p = SceneTransforms.worldToWindowCoordinates(this.viewer.scene, Cartesian3.fromDegrees(lonDeg, latDeg, heightM));
    return p ? { x: p.x, y: p.y } : null;
  }

  /** Lon/lat (degrees) of the surface under a window position (terrain or roof), or null. */
  lonLatAt(position: Cartesian2): [number, number] | null {
    const p = this.viewer.scene.pickPositionSupported ? this.viewer.scene.pickPosition(position) : undefined;
    if (!p) return null;
    const c = Cartographic.fromCartesian(p);
    return c ? [CesiumMath.toDegrees(c.longitude), CesiumMath.toDegrees(c.latitude)] : null;
  }

  setSceneMode(mode: SceneModeName, seconds = 1): void {
    const s = this.viewer.scene;
    const done = s.morphComplete.addEventListener(() => { done(); this.flyHome(0); });
    if (mode === '2d') s.morphTo2D(seconds);
    else if (mode === 'columbus') s.morphToColumbusView(seconds);
    else s.morphTo3D(seconds);
  }

  /** Primitives hidden while hitAt picks (drapes over the buildings that would hide them from the pick). */
  pickThrough(primitives: () => Iterable<{ show: boolean }>): void {
    this.pickTransparent = primitives;
  }

  /** scene.pick with the drapes of pickThrough hidden for the pick pass only (scene.pick renders its own framebuffer; the frame on screen is not redrawn). */
  private pick(position: Cartesian2): ReturnType<Scene['pick']> {
    const hidden = [...this.pickTransparent()];
    for (const p of hidden) p.show = false;
    try { return this.viewer.scene.pick(position); } finally { for (const p of hidden) p.show = true; }
  }

  /** What a click at a window position hits: the surface position and the picked building or object. */
  hitAt(position: Cartesian2): WorkspaceClick {
    const picked = this.pick(position);
    let building: BuildingProperties | null = null, objectId: string | null = null;
    if (picked instanceof Cesium3DTileFeature && picked.tileset === this.tilesets.buildings) {
      building = {};
      for (const id of picked.getPropertyIds()) building[id] = picked.getProperty(id);
    } else if (picked && typeof picked.id === 'string') {
      objectId = picked.id;
    }
    return { lonLat: this.lonLatAt(position), building, objectId };
  }

  dispose(): void {
    this.handler.destroy();
    this.tilesets.dispose();
    if (!this.viewer.isDestroyed()) this.viewer.destroy();
  }
}

/**
 * A camera flight's duration, 0 (a cut) when the person asked the system for reduced motion
 * (WCAG 2.3.3): sweeping over a city makes some people ill. On software WebGL a cut also spares the
 * flight's frames, about half a second of a core each.
 */
function motionSeconds(seconds: number): number {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : seconds;
}
