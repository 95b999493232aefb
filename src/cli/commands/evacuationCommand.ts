import { readFileSync } from 'node:fs';
import { parseArgs, UsageError } from '../args';
import { openCityModel } from '../cityFlag';
import { decodeRoadGraph } from '../../route/roadGraphCodec';
import type { CityModel } from '../../twin/package/CityModel';
import { numberFlag } from './numberFlag';
import type { Shelter } from '../../sim/evacuation/EvacuationSites';
import { evacueeGroupsFromBuildings } from '../../sim/evacuation/evacueeGroupsFromBuildings';
import { runEvacuation } from '../../sim/evacuation/runEvacuation';

function readJsonArray(file: string, flag: string): unknown[] {
  let json: unknown;
  try { json = JSON.parse(readFileSync(file, 'utf8')); } catch (err) { throw new UsageError(`--${flag} ${file}: ${(err as Error).message}`); }
  if (!Array.isArray(json)) throw new UsageError(`--${flag} ${file}: expected a JSON array, got ${typeof json}`);
  return json;
}

/** Indices of the city's buildings to evacuate: in a circle (--zone LON,LAT,RADIUS_M) or listed by id (--buildings FILE). */
function zoneBuildings(p: ReturnType<typeof parseArgs>, city: CityModel): number[] {
  const zone = p.flags.get('zone'), listed = p.flags.get('buildings');
  if (typeof listed === 'string') {
    const ids = new Set(readJsonArray(listed, 'buildings').map(String)), out: number[] = [];
    city.buildings.forEach((b, k) => { if (ids.has(b.id)) out.push(k); });
    return out;
  }
  const parts = typeof zone === 'string' ? zone.split(',').map(Number) : [];
  if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x)) || parts[2] <= 0) {
    throw new UsageError(`sim --evacuation expects --zone LON,LAT,RADIUS_M (e.g. 104.08,30.645,500) or --buildings FILE (JSON array of building ids), got ${JSON.stringify(zone)}`);
  }
  const [x0, y0] = city.frame.toPlane(parts[0], parts[1]), out: number[] = [];
  city.buildings.forEach((b, k) => {
    const cx = b.footprint.reduce((s, q) => s + q[0], 0) / b.footprint.length, cy = b.footprint.reduce((s, q) => s + q[1], 0) / b.footprint.length;
    if (Math.hypot(cx - x0, cy - y0) <= parts[2]) out.push(k);
  });
  return out;
}

/**
 * `sim --evacuation (--zone LON,LAT,RADIUS_M | --buildings FILE) [--mode walk|drive]
 * [--assignment greedy|minCost] [--shelters FILE] [--spread S] [--city NAME]`: people of the zone's
 * buildings go to shelters (the city package's shelters outside the zone, or a JSON list of
 * shelters); prints the time until 50/90/95/100 % are safe, loads and the unsheltered.
 */
export async function runEvacuationCommand(args: string[]): Promise<unknown> {
  const p = parseArgs(args), { pkg, city } = await openCityModel(p), zone = zoneBuildings(p, city);
  const network = await pkg.network();
  if (!network) throw new Error(`city "${city.name}" has no road network: evacuation routes over roads and cannot run`);
  const sheltersFile = p.flags.get('shelters');
  const inZone = new Set(zone.map((k) => city.buildings[k].id));
  const shelters = typeof sheltersFile === 'string'
    ? (readJsonArray(sheltersFile, 'shelters') as Shelter[])
    : (await pkg.resources()).shelters.filter((s) => s.buildingId === null || !inZone.has(s.buildingId))
      .map((s) => ({ id: s.id, lonDeg: s.lonDeg, latDeg: s.latDeg, capacityPeople: s.capacityPeople }));
  if (shelters.length === 0) throw new UsageError(`city "${city.name}" lists no shelters outside the zone: give some with --shelters FILE (JSON array of { id, lonDeg, latDeg, capacityPeople })`);
  const mode = p.flags.get('mode') ?? 'walk', assignment = p.flags.get('assignment') ?? 'greedy';
  if (mode !== 'walk' && mode !== 'drive') throw new UsageError(`--mode expects walk or drive, got ${JSON.stringify(mode)}`);
  if (assignment !== 'greedy' && assignment !== 'minCost') throw new UsageError(`--assignment expects greedy or minCost, got ${JSON.stringify(assignment)}`);
  const r = await runEvacuation({
    road: decodeRoadGraph(network, `${city.name}/network.bin`), groups: evacueeGroupsFromBuildings(city.buildings, zone, city.frame), shelters,
    params: { mode, assignment, departureSpreadS: numberFlag(p, 'spread', 900, 0, 's') },
  });
  const loads = r.shelterIds.map((id, k) => ({ id, capacity: r.shelterCapacity[k], people: r.shelterLoad[k], lastArrivalS: Number.isNaN(r.shelterLastArrivalS[k]) ? null : Math.round(r.shelterLastArrivalS[k]) }))
    .filter((s) => s.people > 0).sort((a, b) => b.people - a.people);
  return {
    city: city.name, mode, assignment, buildings: zone.length, evacuees: r.evacuees, assigned: r.assignedPeople, unassigned: r.unassignedPeople, unreachable: r.unreachablePeople,
    timeToSafeS: r.timeToSafe, freeFlowTimeToSafeS: r.freeFlowTimeToSafe, clearanceTimeS: r.clearanceTimeS,
    meanRouteTimeS: Math.round(r.meanRouteTimeS), meanTimeToSafetyS: Math.round(r.meanTimeToSafetyS), sheltersUsed: loads.length, shelterLoads: loads.slice(0, 20),
    wallS: r.wallMs / 1000,
  };
}
