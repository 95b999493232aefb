import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of `tilesets/cities.json`: what a city picker shows without opening each package. */
export interface CityIndexEntry {
  /** The package's folder: the page opens it with `?city=NAME` (a generated package may share its manifest's name with another). */
  name: string;
  title: string;
  boundsLonLat: [number, number, number, number];
  counts: Record<string, number>;
  revision: string;
}

/**
 * Writes `<tilesetsDir>/cities.json`: every package folder beside it (a folder with a city.json of
 * the current format), by name, so the browser (which cannot list a folder) can offer the cities.
 * Folders whose city.json is unreadable or of an older format are left out.
 */
export function writeCityIndex(tilesetsDir: string): CityIndexEntry[] {
  const cities: CityIndexEntry[] = [];
  for (const name of readdirSync(tilesetsDir).sort()) {
    const file = join(tilesetsDir, name, 'city.json');
    if (!existsSync(file)) continue;
    try {
      const m = JSON.parse(readFileSync(file, 'utf8'));
      if (m.format === 'rongcheng-city') cities.push({ name, title: m.title, boundsLonLat: m.boundsLonLat, counts: m.counts, revision: m.revision });
    } catch {
      // An unreadable package is not offered; `city validate` says what is wrong with it.
    }
  }
  writeFileSync(join(tilesetsDir, 'cities.json'), JSON.stringify({ cities }, null, 1) + '\n');
  return cities;
}
