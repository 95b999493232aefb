import { fleetFromResources } from '../../dispatch/stationFleet';
import { decodeNetwork } from '../../route/roadGraphCodec';
import { Router } from '../../route/Router';
import type { CityPackage } from '../../twin/package/CityPackage';
import { IncidentDispatcher } from './IncidentDispatcher';
import { IncidentPlaces } from './IncidentPlaces';
import { readSlaConfig, type SlaConfig } from './SlaConfig';

/** What a hub needs to keep incidents: the SLA config, where scenes lie, and its dispatcher. */
export interface IncidentSetup {
  sla: SlaConfig;
  places: IncidentPlaces;
  /** null when the city lists no vehicles (dispatch is refused with that reason). */
  dispatcher: IncidentDispatcher | null;
  /** How much faster than real time vehicles drive (demos, tests); default 1. */
  speedup?: number;
}

/**
 * The incident setup of a city package: its units (with rings) and frame for placing scenes, its
 * stations and vehicles, its road network (routes and ETAs; without one, dispatch works without
 * ETAs or movement) and the SLA config file (default config/incidents/sla.json).
 */
export async function incidentSetup(pkg: CityPackage, slaFile?: string): Promise<IncidentSetup> {
  const sla = readSlaConfig(slaFile);
  const [units, resources, network] = await Promise.all([pkg.units(), pkg.resources(), pkg.network()]);
  const fleet = fleetFromResources(resources);
  const router = network ? Router.fromNetwork(decodeNetwork(network, `${pkg.reader.location}/network.bin`)) : null;
  return { sla, places: new IncidentPlaces(units, pkg.frame), dispatcher: fleet.units.length ? new IncidentDispatcher(fleet, router, sla) : null };
}
