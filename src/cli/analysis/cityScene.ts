import { UsageError, requireFlag, type ParsedArgs } from '../args';
import { readAnalysisCity, type AnalysisCity } from '../../analysis/node/readAnalysisCity';
import { AnalysisScene } from '../../analysis/scene/AnalysisScene';
import { citySceneData } from '../../analysis/scene/citySceneData';

/** The city of `--city NAME [--tilesets DIR]` and its analysis scene (built on this thread). */
export function cityScene(p: ParsedArgs): { city: AnalysisCity; scene: AnalysisScene; buildingOf: (prism: number) => string | null } {
  const name = requireFlag(p, 'city', 'NAME (a folder under tilesets/)');
  const dir = p.flags.get('tilesets') ?? 'tilesets';
  if (dir === true) throw new UsageError('--tilesets expects a DIR holding <city>/ folders');
  const city = readAnalysisCity(name, dir);
  const { data, prismBuilding } = citySceneData(city);
  return { city, scene: new AnalysisScene(data), buildingOf: (prism) => (prism >= 0 ? city.buildings[prismBuilding[prism]].id : null) };
}

/** Parses "LON,LAT" or "LON,LAT,H" (degrees, metres above the surface; H undefined when not given) naming the flag. */
export function parsePointFlag(p: ParsedArgs, flag: string): [number, number, number | undefined] {
  const text = requireFlag(p, flag, 'LON,LAT[,HEIGHT_ABOVE_SURFACE_M]');
  const n = text.split(',').map(Number);
  if ((n.length !== 2 && n.length !== 3) || n.some((v) => !Number.isFinite(v)) || Math.abs(n[0]) > 180 || Math.abs(n[1]) > 90) {
    throw new UsageError(`--${flag} expects LON,LAT or LON,LAT,HEIGHT (degrees, m above the surface), got "${text}"`);
  }
  return [n[0], n[1], n[2]];
}
