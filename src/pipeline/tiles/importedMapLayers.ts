import type { ImportedCity } from '../import/importCitySources';
import type { MapLayers, Rgb } from './MapPainter';
import { elevationLayers } from './tileTerrain';

const EXPRESSWAY = { widthM: 30, color: [214, 178, 96] as Rgb }, PRIMARY = { widthM: 22, color: [226, 214, 170] as Rgb };
const SECONDARY = { widthM: 16, color: [120, 124, 132] as Rgb }, LOCAL = { widthM: 9, color: [96, 100, 107] as Rgb };
/** Demo classes and the OSM highway values imports carry (links drawn like their road). */
const ROAD_STYLE: Record<string, { widthM: number; color: Rgb }> = {
  expressway: EXPRESSWAY, motorway: EXPRESSWAY, trunk: EXPRESSWAY, primary: PRIMARY,
  secondary: SECONDARY, tertiary: SECONDARY, local: LOCAL,
};

/** Ground coloured by elevation with the imported roads painted on at a width by class. */
export function importedMapLayers(city: Pick<ImportedCity, 'dem' | 'roads' | 'frame'>): MapLayers {
  let min = Infinity, max = -Infinity;
  for (const h of city.dem.heightsM) if (Number.isFinite(h)) { min = Math.min(min, h); max = Math.max(max, h); }
  const base = elevationLayers(city.dem, min, max);
  const lines = city.roads.map((r) => ({
    coords: r.coordsLonLat.map(([lon, lat]) => city.frame.toPlane(lon, lat)),
    ...(ROAD_STYLE[r.roadClass.replace(/_link$/, '')] ?? LOCAL),
  }));
  lines.sort((a, b) => a.widthM - b.widthM);
  return { ...base, lines };
}
