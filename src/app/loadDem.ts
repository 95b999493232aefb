import { DemGrid, type DemHeader } from '../geo/DemGrid';

/** Fetches a city's DEM (`dem.json` header + `dem.f32` heights); null when the city has none. */
export async function loadDem(cityUrl: string): Promise<DemGrid | null> {
  const head = await fetch(`${cityUrl}/dem.json`);
  if (head.status === 404) return null;
  if (!head.ok) throw new Error(`${cityUrl}/dem.json: HTTP ${head.status}`);
  const header = (await head.json()) as DemHeader;
  const body = await fetch(`${cityUrl}/dem.f32`);
  if (!body.ok) throw new Error(`${cityUrl}/dem.f32: HTTP ${body.status}`);
  return new DemGrid(header, new Float32Array(await body.arrayBuffer()));
}
