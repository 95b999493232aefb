import type { CityManifest } from '../cityManifest';
import type { PageHandle } from '../host/PageHandle';

/** Tile counts a view reports while it streams the city. */
export interface LoadState { buildingTilesLoaded: number; terrainTilesLoaded: number; failures: number; settled: boolean }

/**
 * Keeps the status line, the progress bar and the test handle (`load`, `loadedAtMs`,
 * `body[data-tilesets="loaded"]`) in step with a view's tile loading.
 */
export function loadReporter(prefix: string, manifest: CityManifest, handle: PageHandle): (s: LoadState) => void {
  const status = document.getElementById('status')!;
  const progress = document.getElementById('load-progress') as HTMLProgressElement;
  const t0 = performance.now();
  let loadedAtMs: number | null = null;
  handle.expose('loadedAtMs', null);
  status.textContent = `Loading ${manifest.title}…`;
  return (s) => {
    handle.expose('load', s);
    if (s.settled && loadedAtMs === null) {
      loadedAtMs = Math.round(performance.now() - t0);
      handle.expose('loadedAtMs', loadedAtMs);
      document.body.dataset.tilesets = 'loaded';
    }
    progress.value = s.settled ? 1 : Math.min(0.95, (s.buildingTilesLoaded + s.terrainTilesLoaded) / 60);
    status.textContent = `${prefix}${manifest.title}: ${manifest.counts.buildings.toLocaleString('en')} buildings · ` +
      `tiles loaded: buildings ${s.buildingTilesLoaded}, terrain ${s.terrainTilesLoaded}` +
      (s.failures ? ` · ${s.failures} tiles failed after retries` : '') + (s.settled ? ' · ready' : ' · loading…');
  };
}
