import type { Camera, Object3D, WebGLRenderer } from 'three';
import { LRUCache, TilesRenderer } from '3d-tiles-renderer';
import { GLTFExtensionsPlugin } from '3d-tiles-renderer/plugins';
import { sceneGpuBytes } from './sceneGpuBytes';

/** Hooks a tileset's owner gives to dress each loaded tile model and to free what it added. */
export interface TileModelHooks {
  onLoadModel(scene: Object3D): void;
  onDisposeModel(scene: Object3D): void;
}

/**
 * One 3D Tiles tileset in the wall scene: a TilesRenderer (with the glTF extensions plugin, so
 * EXT_mesh_features / EXT_structural_metadata are parsed) under the scene's ECEF parent, with
 * load counters and a settled flag the page and tests wait on.
 */
export class WallTileset {
  readonly tiles: TilesRenderer;
  modelsLoaded = 0;
  failures = 0;
  /** True while downloads or parses are under way. */
  loading = false;
  private readonly off: Array<() => void> = [];

  /**
   * `errorTargetPx`: screen-space error (px) above which tiles refine; `cache`: the tile cache
   * (one per view, shared by its tilesets, so one byte budget holds for all; see tileBudget).
   */
  constructor(url: string, parent: Object3D, camera: Camera, renderer: WebGLRenderer, private readonly hooks: TileModelHooks, private readonly onChange: () => void, errorTargetPx = 6, cache?: LRUCache) {
    this.tiles = new TilesRenderer(url);
    if (cache) {
      // The default cache's eviction order (deepest, least recently used first) is not exported: borrow it.
      cache.unloadPriorityCallback ??= this.tiles.lruCache.unloadPriorityCallback;
      this.tiles.lruCache = cache;
    }
    this.tiles.registerPlugin(new GLTFExtensionsPlugin({ metadata: true, rtc: true }));
    // The wall shows the whole city at once and every building should be there: at 12 px the overview
    // kept only the first two levels of the ADD tree (the city looked half empty); 6 px (default) loads them all.
    this.tiles.errorTarget = errorTargetPx;
    this.tiles.setCamera(camera);
    this.tiles.setResolutionFromRenderer(camera, renderer);
    parent.add(this.tiles.group);
    this.listen('load-model', (e: { scene: Object3D }) => { this.modelsLoaded++; hooks.onLoadModel(e.scene); this.onChange(); });
    this.listen('dispose-model', (e: { scene: Object3D }) => hooks.onDisposeModel(e.scene));
    this.listen('tiles-load-start', () => { this.loading = true; this.onChange(); });
    this.listen('tiles-load-end', () => { this.loading = false; this.onChange(); });
    this.listen('load-error', (e: { url: string | URL; error: Error }) => {
      this.failures++;
      console.warn(`wall: tile failed: ${String(e.url)}: ${e.error.message}`);
      this.onChange();
    });
  }

  private listen(type: string, fn: (e: never) => void): void {
    this.tiles.addEventListener(type, fn as (e: unknown) => void);
    this.off.push(() => this.tiles.removeEventListener(type, fn as (e: unknown) => void));
  }

  /** Tiles the current view wants that are not loaded yet (queued: e.g. held back by a full cache). */
  get waiting(): boolean {
    return (this.tiles as unknown as { queuedTiles: unknown[] }).queuedTiles.length > 0;
  }

  /** Loaded content and nothing pending for the current view. */
  get settled(): boolean {
    return this.modelsLoaded > 0 && !this.loading;
  }

  /** Call once per frame, after the camera moved and before rendering. */
  update(camera: Camera, renderer: WebGLRenderer): void {
    this.tiles.setResolutionFromRenderer(camera, renderer);
    this.tiles.update();
  }

  /** GPU bytes of the loaded tile models: vertex and index buffers plus textures (incl. those the wall added), less `shared` ones. */
  gpuBytes(shared: Iterable<object> = []): number {
    let bytes = 0;
    const seen = new Set<object>(shared);
    this.tiles.forEachLoadedModel((scene) => { bytes += sceneGpuBytes(scene, seen); });
    return bytes;
  }

  /** A tile cache of `maxBytes` (loading stops there) that evicts unused tiles down to `minBytes`. */
  static cache(minBytes: number, maxBytes: number): LRUCache {
    const cache = new LRUCache();
    cache.minBytesSize = minBytes;
    cache.maxBytesSize = maxBytes;
    return cache;
  }

  dispose(): void {
    for (const f of this.off.splice(0)) f();
    this.tiles.group.removeFromParent();
    this.tiles.dispose();
  }
}
