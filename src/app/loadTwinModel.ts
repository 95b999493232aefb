import { cityModelFromGeoJson } from '../twin/cityModelFromGeoJson';
import { CityTwin } from '../twin/CityTwin';
import type { CityManifest } from '../twin/package/packageRecords';
import { parseGeoJsonBytes } from '../twin/package/readGeoJsonPart';

/** Fetches a city's buildings and units GeoJSON and builds the twin model (units are optional). */
export async function loadTwinModel(cityUrl: string, manifest: CityManifest): Promise<CityTwin> {
  const get = async (name: string, optional: boolean) => {
    const res = await fetch(`${cityUrl}/${name}`);
    // Any size: a city of 10^6 buildings has more buildings.geojson than one JSON string can hold.
    if (res.ok) return parseGeoJsonBytes(new Uint8Array(await res.arrayBuffer()), `${cityUrl}/${name}`).doc as Parameters<typeof cityModelFromGeoJson>[1];
    if (optional && res.status === 404) return null;
    throw new Error(`${cityUrl}/${name}: HTTP ${res.status}`);
  };
  const [buildings, units] = await Promise.all([get('buildings.geojson', false), get('units.geojson', true)]);
  return new CityTwin(cityModelFromGeoJson(manifest.origin, buildings!, units));
}
