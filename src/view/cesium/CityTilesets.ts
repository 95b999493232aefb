import { Cesium3DTileset, type Viewer } from 'cesium';

/** Load state of the city's tilesets, as the status line and tests read it. */
export interface TilesetLoadState {
  buildingTilesLoaded: number;
  terrainTilesLoaded: number;
  failures: number;
  /** True once both tilesets have loaded content and have nothing pending for the current view. */
  settled: boolean;
}

/** Loads the buildings and terrain tilesets of a city into a viewer and tracks their loading. */
export class CityTilesets {
  buildings!: Cesium3DTileset;
  terrain!: Cesium3DTileset;
  readonly state: TilesetLoadState = { buildingTilesLoaded: 0, terrainTilesLoaded: 0, failures: 0, settled: false };
  private readonly removers: Array<() => void> = [];

  constructor(private readonly viewer: Viewer, private readonly baseUrl: string, private readonly onChange: (s: TilesetLoadState) => void) {}

  async load(): Promise<void> {
    const opts = { maximumScreenSpaceError: 16, projectTo2D: true };
    [this.terrain, this.buildings] = await Promise.all([
      Cesium3DTileset.fromUrl(`${this.baseUrl}/terrain/tileset.json`, opts),
      Cesium3DTileset.fromUrl(`${this.baseUrl}/buildings/tileset.json`, opts),
    ]);
    this.viewer.scene.primitives.add(this.terrain);
    this.viewer.scene.primitives.add(this.buildings);
    this.track(this.terrain, 'terrainTilesLoaded');
    this.track(this.buildings, 'buildingTilesLoaded');
    this.viewer.scene.requestRender();
  }

  private track(tileset: Cesium3DTileset, counter: 'terrainTilesLoaded' | 'buildingTilesLoaded'): void {
    const update = () => {
      const s = this.state;
      s.settled = s.buildingTilesLoaded > 0 && s.terrainTilesLoaded > 0 && this.buildings.tilesLoaded && this.terrain.tilesLoaded;
      this.onChange(s);
    };
    this.removers.push(
      tileset.tileLoad.addEventListener(() => { this.state[counter]++; this.viewer.scene.requestRender(); update(); }),
      tileset.tileFailed.addEventListener((e: { url: string; message: string }) => {
        this.state.failures++;
        console.warn(`tile failed: ${e.url}: ${e.message}`);
        update();
      }),
      tileset.allTilesLoaded.addEventListener(update),
      tileset.loadProgress.addEventListener(() => { this.state.settled = false; this.onChange(this.state); }),
    );
  }

  dispose(): void {
    for (const r of this.removers.splice(0)) r();
    for (const t of [this.buildings, this.terrain]) if (t && !t.isDestroyed()) this.viewer.scene.primitives.remove(t);
  }
}
