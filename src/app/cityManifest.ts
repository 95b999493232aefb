/** The `city.json` the pipeline writes beside a city's tilesets (see writeCitySources). */
export interface CityManifest {
  name: string;
  title: string;
  origin: { lonDeg: number; latDeg: number };
  counts: { buildings: number; roads: number; units: number; population: number };
}

/** Fetches and checks a city manifest; throws an error naming the URL and the field on bad content. */
export async function loadCityManifest(cityUrl: string): Promise<CityManifest> {
  const url = `${cityUrl}/city.json`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}. Build the demo city first: npm run tiles (npm start does it when missing).`);
  const json = (await res.json()) as Partial<CityManifest>;
  const o = json.origin;
  if (!o || !Number.isFinite(o.lonDeg) || !Number.isFinite(o.latDeg)) {
    throw new Error(`${url}: field "origin" must be { lonDeg: number, latDeg: number }`);
  }
  return json as CityManifest;
}
