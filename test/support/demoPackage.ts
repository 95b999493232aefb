/**
 * The demo city package (tilesets/demo, built by the unit and browser global set-ups) as tests
 * and benches read it: through the same loader the CLI, the feed and the scenario runner use.
 */
import { fleetFromResources } from '../../src/dispatch/stationFleet';
import type { Fleet } from '../../src/dispatch/Fleet';
import { openCityPackage } from '../../src/pipeline/package/openCityPackage';
import { decodeRoadGraph } from '../../src/route/roadGraphCodec';
import type { RoadGraph } from '../../src/route/RoadGraph';
import { cityRegistry } from '../../src/signs/registry/cityRegistry';
import type { SensorRegistry } from '../../src/signs/registry/SensorInfo';
import type { CityPackage } from '../../src/twin/package/CityPackage';
import { loadCityModel, type CityModel } from '../../src/twin/package/CityModel';

let pkg: Promise<CityPackage> | null = null;

export function demoPackage(): Promise<CityPackage> {
  return (pkg ??= openCityPackage('demo'));
}

/** The demo city's model (buildings, units, roads, DEM, water). */
export async function demoModel(): Promise<CityModel> {
  return loadCityModel(await demoPackage());
}

/** The demo city's road graph (its network.bin). */
export async function demoRoadGraph(): Promise<RoadGraph> {
  return decodeRoadGraph((await (await demoPackage()).network())!, 'tilesets/demo/network.bin');
}

/** The demo city's sensor registry (its sensors.json). */
export async function demoRegistry(): Promise<SensorRegistry> {
  return cityRegistry(await demoPackage());
}

/** The demo city's stations and vehicles (its resources.json). */
export async function demoFleet(): Promise<Fleet> {
  return fleetFromResources(await (await demoPackage()).resources());
}
