import {
  Cartesian2, Cartesian3, Cartographic, Cesium3DTileFeature, type Cesium3DTileStyle, HeadingPitchRange, JulianDate, Math as CesiumMath, Matrix4,
  SceneMode, ScreenSpaceEventHandler, ScreenSpaceEventType, SceneTransforms, type Viewer,
} from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import type { BuildingProperties } from '../../ui/BuildingPanel';
import type { ColorScale } from '../overlay/ColorScale';
import { buildingStyle } from './buildingStyle';
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
  onLoadState: (s: TilesetLoadState) => void;
  onPick: (props: BuildingProperties | null) => void;
}

/** The planner's and analyst's 2D/3D workspace: a Cesium Viewer over the city's tilesets. */
export class CesiumWorkspace {
  readonly viewer: Viewer;
  readonly tilesets: CityTilesets;
  private readonly handler: ScreenSpaceEventHandler;
  private highlighted: { feature: Cesium3DTileFeature; color: import('cesium').Color } | null = null;

  constructor(private readonly opts: WorkspaceOptions) {
    this.viewer = createOfflineViewer(opts.container);
    // Fixed time of day so lighting (and screenshots) repeat: 10:00 in Chengdu.
    this.viewer.clock.currentTime = JulianDate.fromIso8601('2026-06-21T02:00:00Z');
    this.tilesets = new CityTilesets(this.viewer, opts.cityUrl, opts.onLoadState);
    this.handler = new ScreenSpaceEventHandler(this.viewer.scene.canvas);
    this.handler.setInputAction((e: { position: Cartesian2 }) => {
      const lonLat = this.clickInterceptors.length ? this.lonLatAt(e.position) : null;
      if (lonLat && this.clickInterceptors.some((f) => f(lonLat))) return;
      this.pickAt(e.position);
    }, ScreenSpaceEventType.LEFT_CLICK);
  }

  async load(): Promise<void> {
    this.viewer.camera.setView({ destination: Cartesian3.fromDegrees(this.opts.centerLonLat[0], this.opts.centerLonLat[1], 2.0e7) });
    await this.tilesets.load();
    this.tilesets.buildings.style = buildingStyle(null);
    this.flyHome(this.opts.flightSeconds);
  }

  /** The overview camera: the whole city, seen from the south in 3D and Columbus view, from above in 2D. */
  flyHome(seconds = 1.5): void {
    const [lon, lat] = this.opts.centerLonLat;
    const topDown = this.viewer.scene.mode === SceneMode.SCENE2D;
    this.viewer.camera.flyTo({
      destination: topDown ? Cartesian3.fromDegrees(lon, lat, 14000) : Cartesian3.fromDegrees(lon, lat - 0.082, 6200),
      orientation: { heading: 0, pitch: CesiumMath.toRadians(topDown ? -90 : -42), roll: 0 },
      duration: seconds,
    });
  }

  /** Looks at a point from `rangeM` meters; straight down by default, so the building there ends up mid-screen. */
  lookAt(lonDeg: number, latDeg: number, heightM: number, rangeM: number, pitchDeg = -89.9): void {
    this.viewer.camera.lookAt(Cartesian3.fromDegrees(lonDeg, latDeg, heightM), new HeadingPitchRange(0, CesiumMath.toRadians(pitchDeg), rangeM));
    this.viewer.camera.lookAtTransform(Matrix4.IDENTITY);
    this.viewer.scene.requestRender();
  }

  /** Window pixel position of a geographic point, or null when off-screen. */
  screenPositionOf(lonDeg: number, latDeg: number, heightM: number): { x: number; y: number } | null {
    const p = SceneTransforms.worldToWindowCoordinates(this.viewer.scene, Cartesian3.fromDegrees(lonDeg, latDeg, heightM));
    return p ? { x: p.x, y: p.y } : null;
  }

  setColorScale(scale: ColorScale | null): void {
    this.setStyle(buildingStyle(scale));
  }

  /** Any building style (e.g. a live indicator colouring evaluated per feature). */
  setStyle(style: Cesium3DTileStyle): void {
    this.clearHighlight();
    this.tilesets.buildings.style = style;
    this.viewer.scene.requestRender();
  }

  private readonly clickInterceptors: Array<(lonLat: [number, number]) => boolean> = [];

  /**
   * Lets a tool take a click's ground/roof position (lon/lat degrees) before picking; the tool
   * returns true when it consumed the click. Returns the remover.
   */
  addClickInterceptor(fn: (lonLat: [number, number]) => boolean): () => void {
    this.clickInterceptors.push(fn);
    return () => { const i = this.clickInterceptors.indexOf(fn); if (i >= 0) this.clickInterceptors.splice(i, 1); };
  }

  /** Lon/lat (degrees) of the surface under a window position (terrain or roof), or null. */
  lonLatAt(position: Cartesian2): [number, number] | null {
    const p = this.viewer.scene.pickPositionSupported ? this.viewer.scene.pickPosition(position) : undefined;
    if (!p) return null;
    const c = Cartographic.fromCartesian(p);
    return c ? [CesiumMath.toDegrees(c.longitude), CesiumMath.toDegrees(c.latitude)] : null;
  }

  /** Called with the id of a picked primitive that is not a building (e.g. a sensor marker). */
  onPickId: ((id: string) => void) | null = null;

  setSceneMode(mode: SceneModeName, seconds = 1): void {
    const s = this.viewer.scene;
    const done = s.morphComplete.addEventListener(() => { done(); this.flyHome(0); });
    if (mode === '2d') s.morphTo2D(seconds);
    else if (mode === 'columbus') s.morphToColumbusView(seconds);
    else s.morphTo3D(seconds);
  }

  /** Picks the building under a window position and reports its metadata (null when none). */
  pickAt(position: Cartesian2): BuildingProperties | null {
    const picked = this.viewer.scene.pick(position);
    this.clearHighlight();
    if (!(picked instanceof Cesium3DTileFeature) || picked.tileset !== this.tilesets.buildings) {
      if (picked && typeof picked.id === 'string') this.onPickId?.(picked.id);
      else this.opts.onPick(null);
      return null;
    }
    const props: BuildingProperties = {};
    for (const id of picked.getPropertyIds()) props[id] = picked.getProperty(id);
    this.highlighted = { feature: picked, color: picked.color.clone() };
    picked.color = picked.color.brighten(0.6, picked.color).withAlpha(1);
    this.viewer.scene.requestRender();
    this.opts.onPick(props);
    return props;
  }

  private clearHighlight(): void {
    if (this.highlighted) {
      this.highlighted.feature.color = this.highlighted.color;
      this.highlighted = null;
    }
  }

  dispose(): void {
    this.handler.destroy();
    this.tilesets.dispose();
    if (!this.viewer.isDestroyed()) this.viewer.destroy();
  }
}
