import { Cesium3DTileset, Resource, type Viewer } from 'cesium';
import { tileBudget, type TileBudget } from '../tileBudget';

/** Tries per tile request after the first failure, with exponential back-off from 400 ms. */
export const TILE_RETRY_ATTEMPTS = 3;

function retryingResource(url: string): Resource {
  return new Resource({
    url,
    retryAttempts: TILE_RETRY_ATTEMPTS,
    // Resource counts its own retries; wait longer each time so a restarting server can come back.
    retryCallback: (resource) => new Promise<boolean>((ok) => setTimeout(() => ok(true), 400 * 2 ** ((resource as unknown as { _retryCount: number })._retryCount ?? 0))),
  });
}

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

  /** `budget`: each tileset's cache, overflow and screen-space error (default: tileBudget()). */
  constructor(private readonly viewer: Viewer, private readonly baseUrl: string, private readonly onChange: (s: TilesetLoadState) => void,
    private readonly budget: TileBudget['workspace'] = tileBudget().workspace) {}

  async load(): Promise<void> {
    // No dynamic environment map: its cube maps are shared between viewers and break a second
    // WebGL context (the split screen: "object does not belong to this context", CesiumJS #12734),
    // and rendering them costs a software-rendered page more than the lighting they add.
    const opts = { projectTo2D: true, environmentMapOptions: { enabled: false } };
    [this.terrain, this.buildings] = await Promise.all([
      Cesium3DTileset.fromUrl(retryingResource(`${this.baseUrl}/terrain/tileset.json`), { ...opts, ...this.budget.terrain }),
      Cesium3DTileset.fromUrl(retryingResource(`${this.baseUrl}/buildings/tileset.json`), { ...opts, ...this.budget.buildings }),
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
        console.warn(`tile failed after ${TILE_RETRY_ATTEMPTS} retries: ${e.url}: ${e.message}`);
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
