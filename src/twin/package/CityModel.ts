import type { DemGrid } from '../../geo/DemGrid';
import type { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../BuildingRecord';
import type { PlaneRoad } from '../PlaneRoad';
import type { PlaneUnit } from '../PlaneUnit';
import type { CityPackage } from './CityPackage';
import type { WaterBody } from './readLines';

/**
 * What the solvers and the scenario runner compute on: a city package's geometry in its plane
 * (meters east/north of the origin), whatever city it is.
 */
export interface CityModel {
  name: string;
  /** The package revision (changes whenever its data does). */
  revision: string;
  frame: LocalFrame;
  dem: DemGrid;
  buildings: BuildingRecord[];
  /** The root and every unit of every tier. */
  units: PlaneUnit[];
  roads: PlaneRoad[];
  water: WaterBody[];
}

/** Reads the geometry parts of a package (in parallel) into a CityModel. */
export async function loadCityModel(pkg: CityPackage): Promise<CityModel> {
  const [dem, buildings, units, roads, water] = await Promise.all([pkg.dem(), pkg.buildings(), pkg.units(), pkg.roads(), pkg.water()]);
  return { name: pkg.name, revision: pkg.manifest.revision, frame: pkg.frame, dem, buildings, units, roads, water };
}

let last: { key: string; model: Promise<CityModel> } | null = null;

/**
 * loadCityModel, keeping the last city read (per thread): a worker that runs one what-if after
 * another on the same city reads it once; a rebuilt package (new revision) is read again.
 */
export function cachedCityModel(pkg: CityPackage): Promise<CityModel> {
  const key = `${pkg.name}:${pkg.manifest.revision}`;
  if (last?.key !== key) {
    const model = loadCityModel(pkg);
    last = { key, model };
    model.catch(() => { if (last?.model === model) last = null; });
  }
  return last.model;
}
