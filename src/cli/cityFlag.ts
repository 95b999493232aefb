import { openCityPackage } from '../pipeline/package/openCityPackage';
import type { CityPackage } from '../twin/package/CityPackage';
import { loadCityModel, type CityModel } from '../twin/package/CityModel';
import { UsageError, type ParsedArgs } from './args';

/** The `--city NAME` flag (a folder under tilesets/, or a package path); default demo. */
export function cityFlag(p: ParsedArgs): string {
  const v = p.flags.get('city') ?? 'demo';
  if (v === true) throw new UsageError('--city expects the name of a city package (a folder under tilesets/, e.g. demo)');
  return v;
}

/** Opens the `--city` package and reads its model (buildings, units, roads, DEM, water). */
export async function openCityModel(p: ParsedArgs): Promise<{ pkg: CityPackage; city: CityModel }> {
  const pkg = await openCityPackage(cityFlag(p));
  return { pkg, city: await loadCityModel(pkg) };
}
