import { cityModelFromGeoJson } from '../twin/cityModelFromGeoJson';
import { CityTwin } from '../twin/CityTwin';
import type { CityManifest } from '../twin/package/packageRecords';

/** Fetches a city's buildings and units GeoJSON and builds the twin model (units are optional). */
export async function loadTwinModel(cityUrl: string, manifest: CityManifest): Promise<CityTwin> {
  const get = async (name: string, optional: boolean) => {
    const res = await fetch(`${cityUrl}/${name}`);
    if (res.ok) return res.json();
    if (optional && res.status === 404) return null;
    throw new Error(`${cityUrl}/${name}: HTTP ${res.status}`);
  };
  const [buildings, units] = await Promise.all([get('buildings.geojson', false), get('units.geojson', true)]);
  return new CityTwin(cityModelFromGeoJson(manifest.origin, buildings, units));
}
