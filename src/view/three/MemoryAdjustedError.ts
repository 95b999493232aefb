/**
 * The wall's answer to a full tile cache, as Cesium's `memoryAdjustedScreenSpaceError`:
 * 3d-tiles-renderer stops loading when its LRU cache reaches `maxBytesSize` (a view that needs
 * more than the budget would show holes: 3DTilesRendererJS #1689), so while the cache is full
 * and tiles wait, the refinement error rises 2% a frame (the view coarsens to fit the budget),
 * and once the cache holds less than `minBytesSize` it falls back 2% a frame towards the base.
 * Pure: the view feeds it the cache's state each frame.
 */
export class MemoryAdjustedError {
  private error: number;

  /** `basePx`: the error asked for (px); `maxFactor`: how far above it the error may rise. */
  constructor(readonly basePx: number, private readonly maxFactor = 16) {
    this.error = basePx;
  }

  /** The error (px) now. */
  get px(): number { return this.error; }

  /** One frame: the cache's bytes and limits and whether tiles are waiting to load. Returns the error (px). */
  update(cachedBytes: number, minBytes: number, maxBytes: number, waiting: boolean): number {
    if (cachedBytes >= maxBytes && waiting) this.error = Math.min(this.basePx * this.maxFactor, this.error * 1.02);
    else if (cachedBytes < minBytes) this.error = Math.max(this.basePx, this.error / 1.02);
    return this.error;
  }
}
