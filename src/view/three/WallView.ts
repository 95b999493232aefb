import { Group, PerspectiveCamera, Scene, Vector3 } from 'three';
import type { LRUCache } from '3d-tiles-renderer';
import { MapControls } from 'three/examples/jsm/controls/MapControls.js';
import type { DemGrid } from '../../geo/DemGrid';
import { tileBudget, type TileBudget } from '../tileBudget';
import { AutoTour, type AutoTourOptions } from './AutoTour';
import { BuildingFeatures } from './BuildingFeatures';
import { CameraRig } from './CameraRig';
import { GroundDrape } from './GroundDrape';
import { MemoryAdjustedError } from './MemoryAdjustedError';
import { RiverSurface } from './RiverSurface';
import { SceneFrame } from './SceneFrame';
import { TerrainDresser } from './TerrainDresser';
import { ThreeOverlayAdapter } from './ThreeOverlayAdapter';
import type { TourStop } from './tourStops';
import type { WallLayout } from './WallLayout';
import { WallLook, type WallMode } from './WallLook';
import { WallSurface, type WallSurfaceOptions } from './WallSurface';
import { POSE_LENGTH, WallSync } from './WallSync';
import { WallTileset } from './WallTileset';

/** Load state of the wall's tilesets (same fields as the workspace's). */
export interface WallLoadState {
  buildingTilesLoaded: number;
  terrainTilesLoaded: number;
  failures: number;
  settled: boolean;
}

export interface WallViewOptions {
  container: HTMLElement;
  /** URL of the city folder holding buildings/ and terrain/. */
  cityUrl: string;
  originLonDeg: number;
  originLatDeg: number;
  dem: DemGrid | null;
  river: ConstructorParameters<typeof RiverSurface>[0] | null;
  layout: WallLayout;
  /** Windows with the same name form one wall. */
  wallName: string;
  mode: WallMode;
  surface: WallSurfaceOptions;
  tour: AutoTourOptions;
  /** Tile memory budget (one LRU cache for both tilesets) and the error (px) above which tiles refine (default: tileBudget()). */
  budget?: TileBudget;
  /** Buildings in the city (the colour state texture's initial size; it grows if needed). */
  buildingCount?: number;
  /** Half the side of the square the home view frames (m, default 4600: the demo city). */
  homeHalfSizeM?: number;
  onLoadState(s: WallLoadState): void;
  /** The tour arrived at a stop, or stopped (null). */
  onTourStop(stop: TourStop | null): void;
}

const pose = new Float64Array(POSE_LENGTH);
const home = new Vector3();
const corner = new Vector3();

/**
 * The commander's wall display: terrain and buildings through 3d-tiles-renderer in the city's
 * ENU frame, night/day looks, the overlay model drawn by ThreeOverlayAdapter, an auto tour, and
 * several windows sharing one camera (the leader's) over a BroadcastChannel, each drawing its part.
 */
export class WallView {
  readonly scene = new Scene();
  readonly camera = new PerspectiveCamera(40, 1, 5, 60000);
  readonly frame: SceneFrame;
  readonly look = new WallLook();
  readonly surface: WallSurface;
  readonly rig: CameraRig;
  readonly overlay: ThreeOverlayAdapter;
  readonly features: BuildingFeatures;
  readonly tour: AutoTour;
  readonly sync: WallSync | null;
  readonly state: WallLoadState = { buildingTilesLoaded: 0, terrainTilesLoaded: 0, failures: 0, settled: false };
  /** Frames rendered so far. */
  frames = 0;
  /** The tile cache both tilesets share: its byte limits are the view's tile budget (`cachedBytes`: what it holds). */
  readonly tileCache: LRUCache;
  /** The tiles' refinement error, raised while the cache is full (see MemoryAdjustedError). */
  readonly tileError: MemoryAdjustedError;
  private readonly cityRoot = new Group();
  private readonly terrain: WallTileset;
  private readonly buildings: WallTileset;
  private readonly terrainDresser: TerrainDresser;
  private readonly drape: GroundDrape;
  private readonly river: RiverSurface | null;
  private readonly controls: MapControls | null;
  private readonly groundM: number;
  private rafId = 0;
  private lastFrameMs = 0;
  private frameWaiters: Array<(t: number) => void> = [];
  private disposed = false;

  /** The wall's name (`wallId`, default 'main'): its windows' channels carry it. */
  get wallName(): string {
    return this.o.wallName;
  }

  /** This window's place in a multi-window wall (1x1 for one window). */
  get layout(): WallLayout {
    return this.o.layout;
  }

  constructor(private readonly o: WallViewOptions) {
    this.frame = new SceneFrame(o.originLonDeg, o.originLatDeg, o.dem);
    this.groundM = this.frame.groundM(o.originLonDeg, o.originLatDeg);
    this.surface = new WallSurface(o.container, this.camera, o.layout, o.surface);
    this.rig = new CameraRig(this.camera, this.frame);
    this.look.setMode(o.mode);
    this.scene.background = this.look.background;
    this.cityRoot.matrixAutoUpdate = false;
    this.cityRoot.matrix.copy(this.frame.ecefToScene);
    this.scene.add(this.cityRoot);
    const renderer = this.surface.renderer;
    this.features = new BuildingFeatures(this.look, o.buildingCount ?? 0);
    this.terrainDresser = new TerrainDresser(this.look);
    const changed = () => this.updateState();
    const budget = (o.budget ?? tileBudget()).wall;
    this.tileCache = WallTileset.cache(budget.minBytesSize, budget.maxBytesSize);
    this.tileError = new MemoryAdjustedError(budget.errorTargetPx);
    this.terrain = new WallTileset(`${o.cityUrl}/terrain/tileset.json`, this.cityRoot, this.camera, renderer, this.terrainDresser, changed, budget.errorTargetPx, this.tileCache);
    this.buildings = new WallTileset(`${o.cityUrl}/buildings/tileset.json`, this.cityRoot, this.camera, renderer, this.features, changed, budget.errorTargetPx, this.tileCache);
    this.drape = new GroundDrape(this.frame, drapeRect(o.dem), this.look);
    this.river = o.river ? new RiverSurface(o.river, this.frame, this.look, this.scene) : null;
    this.overlay = new ThreeOverlayAdapter({ scene: this.scene, frame: this.frame, look: this.look, drape: this.drape, features: this.features });
    this.tour = new AutoTour(this.rig, this.frame, o.tour);
    this.tour.onCaption = (stop) => o.onTourStop(stop);
    const leads = o.layout.isLeader;
    this.sync = o.layout.cols * o.layout.rows > 1
      ? new WallSync(o.wallName, leads, { onPose: (p) => this.rig.applyPose(p), onMode: (m) => this.setMode(m as WallMode) })
      : null;
    this.controls = leads ? new MapControls(this.camera, renderer.domElement) : null;
    if (this.controls) {
      this.controls.target = this.rig.target;
      this.controls.maxPolarAngle = Math.PI * 0.47;
      this.controls.addEventListener('start', () => this.tour.stop());
    }
    this.flyHome();
  }

  /** Starts rendering (every animation frame, or at most `surface.maxFps`: the markers pulse and the water moves). */
  start(): void {
    const minIntervalMs = this.o.surface.maxFps ? 1000 / this.o.surface.maxFps : 0;
    const loop = (t: number) => {
      if (this.disposed) return;
      this.rafId = requestAnimationFrame(loop);
      // 2 ms of slack: animation frames land on a vsync grid, a cap of 30 on 60 Hz must not halve again.
      if (minIntervalMs && this.lastFrameMs && t - this.lastFrameMs < minIntervalMs - 2) return;
      this.renderFrame(t);
    };
    this.rafId = requestAnimationFrame(loop);
  }

  private renderFrame(nowMs: number): void {
    if (this.lastFrameMs) this.surface.frame(nowMs - this.lastFrameMs);
    this.lastFrameMs = nowMs;
    const nowS = nowMs / 1000;
    this.look.uniforms.uTime.value = nowS;
    if (!this.tour.update(nowS)) this.controls?.update();
    if (this.sync?.isLeader) this.sync.publishPose(this.rig.writePose(pose));
    this.rig.fitClipping(this.groundM);
    this.look.setFogForRange(this.camera.position.distanceTo(this.rig.target));
    this.camera.updateMatrixWorld();
    const cache = this.tileCache as LRUCache & { cachedBytes: number };
    const errorPx = this.tileError.update(cache.cachedBytes, cache.minBytesSize, cache.maxBytesSize, this.terrain.waiting || this.buildings.waiting);
    this.terrain.tiles.errorTarget = this.buildings.tiles.errorTarget = errorPx;
    this.terrain.update(this.camera, this.surface.renderer);
    this.buildings.update(this.camera, this.surface.renderer);
    const r = this.surface.renderer;
    this.overlay.setView(r.getPixelRatio(), r.domElement.width, r.domElement.height, this.surface.heightPx, this.camera.projectionMatrix.elements[5]);
    this.overlay.update();
    r.render(this.scene, this.camera);
    this.frames++;
    if (this.frameWaiters.length) for (const w of this.frameWaiters.splice(0)) w(nowMs);
  }

  /** Resolves after the next frame is drawn, with its time stamp (ms). */
  nextFrame(): Promise<number> {
    return new Promise((resolve) => this.frameWaiters.push(resolve));
  }

  /** The whole city in view, seen from the south: the closest range that frames it on the whole wall (any aspect). */
  flyHome(): void {
    this.tour.stop();
    this.frame.toScene(this.o.originLonDeg, this.o.originLatDeg, undefined, home);
    // Wide walls (32:9) look lower across the city so it spreads over the width rather than the height.
    const pitch = ((this.camera.aspect > 2.2 ? -30 : -40) * Math.PI) / 180;
    let lo = 500, hi = 60000;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      this.rig.lookAt(home, mid, 0, pitch);
      if (this.fitsSquare(this.o.homeHalfSizeM ?? 4600)) hi = mid; else lo = mid;
    }
    this.rig.lookAt(home, hi, 0, pitch);
  }

  /** True when the four ground corners of a square of half-size `halfM` around the home point fit the whole wall's view. */
  private fitsSquare(halfM: number): boolean {
    const tanV = Math.tan((this.camera.fov * Math.PI) / 360), tanH = tanV * this.camera.aspect;
    for (let k = 0; k < 4; k++) {
      corner.set(home.x + (k & 1 ? halfM : -halfM), home.y, home.z + (k & 2 ? halfM : -halfM)).applyMatrix4(this.camera.matrixWorldInverse);
      const depth = -corner.z;
      if (depth <= 0 || Math.abs(corner.x) > depth * tanH * 0.96 || Math.abs(corner.y) > depth * tanV * 0.96) return false;
    }
    return true;
  }

  setMode(mode: WallMode): void {
    this.look.setMode(mode);
    if (this.sync?.isLeader) this.sync.publishMode(mode);
  }

  /** Starts the auto tour over these stops (the leader only: followers show the leader's camera). */
  startTour(stops: TourStop[]): void {
    this.tour.setStops(stops);
    if (!this.sync || this.sync.isLeader) this.tour.start(performance.now() / 1000);
  }

  /** GPU bytes of loaded tiles (geometry and textures, incl. the wall's per-tile additions). */
  tilesGpuBytes(): { buildings: number; terrain: number } {
    const shared = [this.look.uniforms.uDrape.value];
    return { buildings: this.buildings.gpuBytes(shared), terrain: this.terrain.gpuBytes(shared) };
  }

  /** Draws a frame now and reads back RGBA pixels of a CSS-pixel rectangle (row 0 at the bottom). */
  readPixels(x: number, y: number, w: number, h: number): Uint8Array {
    this.renderFrame(performance.now());
    const pr = this.surface.pixelRatio, gl = this.surface.renderer.getContext();
    const W = Math.max(1, Math.floor(w * pr)), H = Math.max(1, Math.floor(h * pr));
    const out = new Uint8Array(W * H * 4);
    gl.readPixels(Math.floor(x * pr), Math.floor((this.surface.heightPx - y - h) * pr), W, H, gl.RGBA, gl.UNSIGNED_BYTE, out);
    return out;
  }

  private updateState(): void {
    const s = this.state;
    s.terrainTilesLoaded = this.terrain.modelsLoaded;
    s.buildingTilesLoaded = this.buildings.modelsLoaded;
    s.failures = this.terrain.failures + this.buildings.failures;
    s.settled = this.terrain.settled && this.buildings.settled;
    this.o.onLoadState(s);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    cancelAnimationFrame(this.rafId);
    this.controls?.dispose();
    this.sync?.dispose();
    this.overlay.dispose();
    this.terrain.dispose();
    this.buildings.dispose();
    this.features.dispose();
    this.terrainDresser.dispose();
    this.river?.dispose();
    this.drape.dispose();
    this.look.dispose();
    this.surface.dispose();
  }
}

/** The drape covers the DEM (the city's ground model), or 12 km around the origin without one. */
function drapeRect(dem: DemGrid | null): { xMinM: number; zMinM: number; xMaxM: number; zMaxM: number } {
  if (!dem) return { xMinM: -6000, zMinM: -6000, xMaxM: 6000, zMaxM: 6000 };
  return { xMinM: dem.xMinM, zMinM: -dem.yMaxM, xMaxM: dem.xMaxM, zMaxM: -dem.yMinM };
}
