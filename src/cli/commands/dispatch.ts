import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, requireFlag, UsageError } from '../args';
import { coverage } from '../../dispatch/coverage';
import { fleetFromResources, ringCentroid } from '../../dispatch/stationFleet';
import { snapDemand, type Demand } from '../../dispatch/Demand';
import { validateDispatchScenario, type DispatchScenario } from '../../dispatch/DispatchScenario';
import type { Fleet } from '../../dispatch/Fleet';
import { junctionCandidates, locateStations, type LocationPlan } from '../../dispatch/locateStations';
import { planDispatch } from '../../dispatch/planDispatch';
import { openRoadGraph } from '../../pipeline/network/openRoadGraph';
import { cityDir, openCityPackage } from '../../pipeline/package/openCityPackage';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { CityPackage } from '../../twin/package/CityPackage';
import { overrideSegmentAt } from '../../route/roadClosures';
import { Router } from '../../route/Router';

/**
 * `dispatch --scenario FILE [--graph FILE] [--routes]`: assigns units to the scenario's incidents
 * (min-cost matching honouring requirements) on its city (`city`, default demo: the package's
 * network and resources), optionally reports coverage and where new stations help; JSON on stdout.
 * ETAs in seconds; null = unreachable. --routes adds each route's lon/lat line.
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const file = requireFlag(p, 'scenario', 'FILE (a dispatch scenario JSON)');
  const graphFlag = p.flags.get('graph');
  if (graphFlag === true) throw new UsageError('--graph expects a FILE (a network.bin)');
  const scenario = readScenario(file);
  const graphFile = typeof graphFlag === 'string' ? graphFlag : scenario.graph !== undefined ? resolve(dirname(file), scenario.graph) : undefined;
  const t0 = performance.now();
  const city = await openCityPackage(scenario.city);
  const cityFleet = scenario.fleet === 'city' ? fleetFromResources(await city.resources()) : scenario.fleet;
  if (cityFleet.units.length === 0) {
    throw new Error(`${file}: city "${scenario.city}" has no emergency vehicles (its resources list ${cityFleet.stations.length} stations): nothing to dispatch; give a fleet in the scenario or import resources`);
  }
  const fleet = withUnavailable(cityFleet, scenario.unavailableUnits, file);
  const { graph, source } = openRoadGraph(graphFile ?? join(cityDir(scenario.city), 'network.bin'));
  const router = Router.withHierarchy(graph);
  const closed = scenario.closures.map((c, i) => {
    const change = overrideSegmentAt(router, c.lonLat, c.factor ?? Infinity);
    if (!change) throw new Error(`${file}: $.closures[${i}].lonLat: no road within 200 m of ${c.lonLat.join(',')}`);
    return { lonLat: change.lonLat, road: change.lineName || change.lineId, factor: c.factor ?? null };
  });
  scenario.incidents.forEach((inc, i) => {
    if (!router.snap(inc.lonLat)) throw new Error(`${file}: $.incidents[${i}].lonLat: no open road within ${router.maxSnapM} m of ${inc.lonLat.join(',')} in ${source}`);
  });
  const plan = planDispatch(router, fleet, scenario.incidents, { objective: scenario.objective });
  const out: Record<string, unknown> = {
    scenario: file, city: scenario.city, graph: source, nodes: graph.nodeCount, objective: plan.objective,
    stations: fleet.stations.length, units: fleet.units.length, available: fleet.units.filter((u) => u.available).length, closed,
    assignments: plan.assignments.map((a) => ({ ...a, etaS: round(a.etaS), etaMinutes: round(a.etaS / 60) })),
    unfilled: plan.unfilled, totalS: round(plan.totalS), worstS: round(plan.worstS),
    incidents: plan.incidents.map((i) => ({ incidentId: i.incidentId, firstArrivalS: finite(i.firstArrivalS), teamOnSceneS: finite(i.teamOnSceneS) })),
    routes: plan.routes.map((r) => ({
      stationId: r.stationId, incidentId: r.incidentId, unitIds: r.unitIds,
      meters: r.route ? round(r.route.meters) : null, seconds: r.route ? round(r.route.seconds) : null, nodePath: r.route?.nodes ?? null,
      ...(p.flags.has('routes') && r.route ? { coordinates: r.route.coordsLonLat, cumulativeS: r.route.cumulativeS.map(round) } : {}),
    })),
  };
  if (scenario.coverage || scenario.newStations) Object.assign(out, coverageReport(router, scenario, fleet, city, await city.buildings()));
  out.seconds = round((performance.now() - t0) / 1000);
  return out;
}

function readScenario(file: string): DispatchScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--scenario ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: expected JSON: ${(err as Error).message}`);
  }
  return validateDispatchScenario(doc, file);
}

function withUnavailable(fleet: Fleet, unitIds: string[], file: string): Fleet {
  const ids = new Set(fleet.units.map((u) => u.id));
  unitIds.forEach((id, i) => { if (!ids.has(id)) throw new Error(`${file}: $.unavailableUnits[${i}]: expected the id of a unit in the fleet, got ${JSON.stringify(id)}`); });
  const off = new Set(unitIds);
  return { stations: fleet.stations, units: fleet.units.map((u) => (off.has(u.id) ? { ...u, available: false } : u)) };
}

/** Coverage and new-station advice; demand = the city's buildings weighted by population. */
function coverageReport(router: Router, scenario: DispatchScenario, fleet: Fleet, city: CityPackage, buildings: BuildingRecord[]): Record<string, unknown> {
  const demand: Demand = snapDemand(router, buildings.map((b) => ({ lonLat: city.frame.toLonLat(...ringCentroid(b.footprint)), weight: b.population })));
  const at = (kind: string) => fleet.stations.filter((s) => s.kind === kind).map((s) => s.lonLat);
  const out: Record<string, unknown> = { demand: { source: `${city.name} city buildings (population)`, points: demand.lonLat.length, population: demand.totalWeight } };
  if (scenario.coverage) {
    const c = coverage(router, at(scenario.coverage.stationKind), demand, scenario.coverage.targetMinutes * 60);
    out.coverage = { ...scenario.coverage, stations: at(scenario.coverage.stationKind).length, shareOfBuildings: share(c.shareOfPoints), shareOfPopulation: share(c.shareOfWeight), coveredPopulation: c.coveredWeight };
  }
  if (scenario.newStations) {
    const { stationKind, k, targetMinutes } = scenario.newStations;
    const plan = locateStations(router, demand, at(stationKind), junctionCandidates(router.graph), k, targetMinutes * 60);
    const summary = (x: LocationPlan['before']) => ({ coveredPopulation: x.coveredWeight, shareOfPopulation: share(x.shareOfWeight) });
    out.newStations = {
      ...scenario.newStations, before: summary(plan.before), after: summary(plan.after),
      sites: plan.sites.map((s) => ({ lonLat: s.lonLat, addedPopulation: s.addedWeight })), candidatesConsidered: plan.candidatesConsidered,
    };
  }
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;
const share = (v: number) => Math.round(v * 10000) / 10000;
const finite = (v: number) => (v < Infinity ? round(v) : null);
