import { CityPackage } from './CityPackage';
import { fetchPackageReader } from './PackageReader';

/** Where the app serves city packages (scripts/vite serves `tilesets/` there). */
export const TILESETS_URL = '/tilesets';

/**
 * Opens the city package `name` over HTTP (browser page or Web Worker: `/tilesets/<name>` on the
 * page's origin). Throws naming the URL when it is missing or invalid.
 */
export function fetchCityPackage(name: string, baseUrl = TILESETS_URL): Promise<CityPackage> {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  const base = origin && baseUrl.startsWith('/') ? `${origin}${baseUrl}` : baseUrl;
  return CityPackage.open(fetchPackageReader(`${base}/${name}`));
}
