/**
 * One memory budget for the city tiles of either view (the Cesium workspace and the three wall),
 * from one number: `budgetMB`, the GPU/JS bytes of loaded tile content (buildings + terrain) a view
 * holds at most. Pure: the views turn it into Cesium3DTileset and 3d-tiles-renderer settings.
 *
 * Cesium keeps each tileset's cache at `cacheBytes` and lets it grow by `maximumCacheOverflowBytes`
 * when the view needs more, then raises the screen-space error until the view fits (its
 * `memoryAdjustedScreenSpaceError`); so cacheBytes + overflow of both tilesets = the budget.
 * 3d-tiles-renderer evicts unused tiles down to `lruCache.minBytesSize` and stops loading at
 * `maxBytesSize`; the wall gives both tilesets one cache, so maxBytesSize = the budget.
 */

/** Default budget per view (MB): holds a 10^5-building city's tour (working set ~120 MB of tiles in either view, bench megacityBrowser) several times over. */
export const DEFAULT_TILE_BUDGET_MB = 512;
/** Smallest and largest budgets accepted (MB). */
export const TILE_BUDGET_RANGE_MB = { min: 16, max: 16384 } as const;
/** Share of a view's budget for buildings (the rest: terrain). */
const BUILDINGS_SHARE = 0.75;
/** Share of each Cesium tileset's part kept as cache; the rest is overflow for views that need it. */
const CACHE_SHARE = 0.75;
/** The 3d-tiles-renderer cache evicts unused tiles down to this share of its maximum. */
const LRU_MIN_SHARE = 0.75;

/** Settings of one Cesium3DTileset (bytes, px). */
export interface CesiumTilesetBudget {
  cacheBytes: number;
  maximumCacheOverflowBytes: number;
  maximumScreenSpaceError: number;
}

/** The settings both views read. */
export interface TileBudget {
  budgetMB: number;
  workspace: { buildings: CesiumTilesetBudget; terrain: CesiumTilesetBudget };
  /** The wall's one LRU cache for both tilesets (bytes) and its refinement error (px). */
  wall: { minBytesSize: number; maxBytesSize: number; errorTargetPx: number };
}

const MB = 1024 * 1024;

function cesiumPart(bytes: number, ssePx: number): CesiumTilesetBudget {
  const cacheBytes = Math.round(bytes * CACHE_SHARE);
  return { cacheBytes, maximumCacheOverflowBytes: Math.round(bytes) - cacheBytes, maximumScreenSpaceError: ssePx };
}

/**
 * The settings for a budget of `budgetMB` per view. `workspaceSsePx` (default 16, Cesium's) and
 * `wallSsePx` (default 6: every building in the wall's overview) are the errors above which tiles refine.
 */
export function tileBudget(budgetMB = DEFAULT_TILE_BUDGET_MB, workspaceSsePx = 16, wallSsePx = 6): TileBudget {
  const { min, max } = TILE_BUDGET_RANGE_MB;
  if (!Number.isFinite(budgetMB) || budgetMB < min || budgetMB > max) throw new Error(`tile budget must be ${min}..${max} MB (got ${budgetMB})`);
  const bytes = budgetMB * MB;
  return {
    budgetMB,
    workspace: { buildings: cesiumPart(bytes * BUILDINGS_SHARE, workspaceSsePx), terrain: cesiumPart(bytes * (1 - BUILDINGS_SHARE), workspaceSsePx) },
    wall: { minBytesSize: Math.round(bytes * LRU_MIN_SHARE), maxBytesSize: Math.round(bytes), errorTargetPx: wallSsePx },
  };
}
