import { fleetFromResources } from '../../dispatch/stationFleet';
import { floodRoadDepthsOf } from '../closures/floodRoadDepths';
import type { FloodRoadDepths } from '../closures/FloodRoads';
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
  /** The city's road network the dispatcher routes on and road closures close (null: the city has none). */
  router: Router | null;
  /** Runs a flood run's scenario for its flooded roads (close_flooded_roads); absent: refused. */
  floodRoadDepths?: FloodRoadDepths;
  /** How much faster than real time vehicles drive (demos, tests); default 1. */
  speedup?: number;
}

/**
 * The incident setup of a city package: its units (with rings) and frame for placing scenes, its
 * stations and vehicles, its road network (routes, ETAs and road closures; without one, dispatch
 * works without ETAs or movement), the SLA config file (default config/incidents/sla.json), and
 * its flood model for closing flooded roads.
 */
export async function incidentSetup(pkg: CityPackage, slaFile?: string): Promise<IncidentSetup> {
  const sla = readSlaConfig(slaFile);
  const [units, resources, network] = await Promise.all([pkg.units(), pkg.resources(), pkg.network()]);
  const fleet = fleetFromResources(resources);
  // The stored hierarchy when the file has one; a hub start never contracts a large network itself (A* then).
  const router = network ? Router.fromNetwork(decodeNetwork(network, `${pkg.reader.location}/network.bin`), false) : null;
  return {
    sla, places: new IncidentPlaces(units, pkg.frame), dispatcher: fleet.units.length ? new IncidentDispatcher(fleet, router, sla) : null, router,
    floodRoadDepths: floodRoadDepthsOf(pkg),
  };
}
