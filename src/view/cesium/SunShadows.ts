import { JulianDate, ShadowMode, type Cesium3DTileset, type Viewer } from 'cesium';

/**
 * The workspace's sun: the viewer's clock set to an instant (Cesium's sun light follows it, so
 * buildings are lit from where the sun stands) and, when asked, shadow maps cast by the buildings
 * onto the terrain and each other. `dispose` gives back the clock and shadow settings it found.
 */
export class SunShadows {
  private readonly saved: { time: JulianDate; shadows: boolean };
  private disposed = false;

  constructor(private readonly viewer: Viewer, private readonly tilesets: Cesium3DTileset[]) {
    this.saved = { time: viewer.clock.currentTime.clone(), shadows: viewer.shadows };
    const map = viewer.scene.shadowMap;
    // One 2048 map, hard edges, within 1.5 km of the camera: the study area of a planner at a
    // resolution that keeps the walls' self-shadowing fine, and a software-rendered page usable.
    map.size = 2048;
    map.softShadows = false;
    map.maximumDistance = 1500;
    map.darkness = 0.45;
    for (const t of tilesets) t.shadows = ShadowMode.ENABLED;
  }

  /** Sets the sun to an instant (Unix ms) and turns shadows on or off. */
  set(timeMs: number, shadows: boolean): void {
    const v = this.viewer;
    v.clock.currentTime = JulianDate.fromDate(new Date(timeMs));
    v.shadows = shadows;
    v.scene.requestRender();
  }

  get shadows(): boolean { return this.viewer.shadows; }

  dispose(): void {
    if (this.disposed || this.viewer.isDestroyed()) return;
    this.disposed = true;
    this.viewer.clock.currentTime = this.saved.time;
    this.viewer.shadows = this.saved.shadows;
    this.viewer.scene.requestRender();
  }
}
