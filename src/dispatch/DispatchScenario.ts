import type { DispatchObjective } from './assignUnits';
import { UNIT_KINDS, type Fleet, type Incident, type UnitKind } from './Fleet';

/** A dispatch what-if: incidents to answer, on which network, with which fleet and closures. */
export interface DispatchScenario {
  /** The city package (a folder under tilesets/); default "demo". */
  city: string;
  /** network.bin path (resolved against the scenario file's folder by the CLI); absent = the city's. */
  graph?: string;
  objective: DispatchObjective;
  /** 'city' (or 'demo', the former name) = the city package's stations and vehicles; else a fleet given inline. */
  fleet: 'city' | Fleet;
  unavailableUnits: string[];
  /** Road segments nearest each point are closed (factor absent) or slowed (factor > 1). */
  closures: Array<{ lonLat: [number, number]; factor?: number }>;
  incidents: Incident[];
  /** Optional: share of demand reached from stations of a kind within a time. */
  coverage?: { stationKind: string; targetMinutes: number };
  /** Optional: where k new stations of a kind would add the most coverage. */
  newStations?: { stationKind: string; k: number; targetMinutes: number };
}

type Json = unknown;

/** Thrown for a scenario that does not match the schema; the message names file, JSON path and expectation. */
export class ScenarioError extends Error {}

/** Checks a parsed scenario document; `file` names it in errors. */
export function validateDispatchScenario(doc: Json, file: string): DispatchScenario {
  const fail = (path: string, expected: string, got: Json): never => {
    throw new ScenarioError(`${file}: ${path}: expected ${expected}, got ${JSON.stringify(got) ?? 'nothing'}`);
  };
  const obj = (v: Json, path: string): Record<string, Json> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : fail(path, 'an object', v));
  const arr = (v: Json, path: string): Json[] => (Array.isArray(v) ? v : fail(path, 'an array', v));
  const str = (v: Json, path: string): string => (typeof v === 'string' && v.length > 0 ? v : fail(path, 'a non-empty string', v));
  const num = (v: Json, path: string, min: number, what: string): number => (typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fail(path, what, v));
  const lonLat = (v: Json, path: string): [number, number] => {
    const a = arr(v, path);
    if (a.length !== 2 || typeof a[0] !== 'number' || typeof a[1] !== 'number' || Math.abs(a[0]) > 180 || Math.abs(a[1]) > 90) fail(path, '[lonDeg, latDeg]', v);
    return [a[0] as number, a[1] as number];
  };
  const kind = (v: Json, path: string): UnitKind => ((UNIT_KINDS as readonly Json[]).includes(v) ? (v as UnitKind) : fail(path, `one of ${UNIT_KINDS.join(', ')}`, v));

  const root = obj(doc, '$');
  const known = ['city', 'graph', 'objective', 'fleet', 'unavailableUnits', 'closures', 'incidents', 'coverage', 'newStations', 'description'];
  for (const key of Object.keys(root)) if (!known.includes(key)) fail(`$.${key}`, `no such field (known: ${known.join(', ')})`, key);
  const objective = (root.objective ?? 'total') as DispatchObjective;
  if (objective !== 'total' && objective !== 'worst') fail('$.objective', '"total" or "worst"', objective);
  const incidents = arr(root.incidents, '$.incidents').map((v, i): Incident => {
    const p = `$.incidents[${i}]`, o = obj(v, p);
    const req = obj(o.requirements, `${p}.requirements`);
    const requirements: Incident['requirements'] = {};
    for (const [k, n] of Object.entries(req)) {
      const count = num(n, `${p}.requirements.${k}`, 0, 'a non-negative integer');
      if (!Number.isInteger(count)) fail(`${p}.requirements.${k}`, 'a non-negative integer', n);
      requirements[kind(k, `${p}.requirements key "${k}"`)] = count;
    }
    return { id: str(o.id, `${p}.id`), lonLat: lonLat(o.lonLat, `${p}.lonLat`), kind: o.kind === undefined ? undefined : str(o.kind, `${p}.kind`), requirements };
  });
  if (incidents.length === 0) fail('$.incidents', 'at least one incident', root.incidents);
  const ids = new Set<string>();
  incidents.forEach((inc, i) => { if (ids.has(inc.id)) fail(`$.incidents[${i}].id`, 'a unique id', inc.id); ids.add(inc.id); });
  const closures = root.closures === undefined ? [] : arr(root.closures, '$.closures').map((v, i) => {
    const p = `$.closures[${i}]`, o = obj(v, p);
    return { lonLat: lonLat(o.lonLat, `${p}.lonLat`), factor: o.factor === undefined ? undefined : num(o.factor, `${p}.factor`, 1, 'a number >= 1 (slowdown), or leave it out to close') };
  });
  const fleet = root.fleet === undefined || root.fleet === 'demo' || root.fleet === 'city' ? 'city' as const : validateFleet(obj(root.fleet, '$.fleet'), { obj, arr, str, lonLat, kind, fail });
  const unavailableUnits = root.unavailableUnits === undefined ? [] : arr(root.unavailableUnits, '$.unavailableUnits').map((v, i) => str(v, `$.unavailableUnits[${i}]`));
  const city = root.city === undefined ? 'demo' : str(root.city, '$.city');
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(city)) fail('$.city', 'the name of a city package (lower-case kebab-case, a folder under tilesets/)', city);
  const out: DispatchScenario = { city, objective, fleet, unavailableUnits, closures, incidents };
  if (root.graph !== undefined) out.graph = str(root.graph, '$.graph');
  if (root.coverage !== undefined) {
    const c = obj(root.coverage, '$.coverage');
    out.coverage = { stationKind: str(c.stationKind, '$.coverage.stationKind'), targetMinutes: num(c.targetMinutes, '$.coverage.targetMinutes', 1e-9, 'a positive number of minutes') };
  }
  if (root.newStations !== undefined) {
    const c = obj(root.newStations, '$.newStations');
    const k = num(c.k, '$.newStations.k', 1, 'a positive integer');
    if (!Number.isInteger(k)) fail('$.newStations.k', 'a positive integer', k);
    out.newStations = { stationKind: str(c.stationKind, '$.newStations.stationKind'), k, targetMinutes: num(c.targetMinutes, '$.newStations.targetMinutes', 1e-9, 'a positive number of minutes') };
  }
  return out;
}

function validateFleet(o: Record<string, Json>, h: {
  obj: (v: Json, p: string) => Record<string, Json>; arr: (v: Json, p: string) => Json[]; str: (v: Json, p: string) => string;
  lonLat: (v: Json, p: string) => [number, number]; kind: (v: Json, p: string) => UnitKind; fail: (p: string, e: string, g: Json) => never;
}): Fleet {
  const stations = h.arr(o.stations, '$.fleet.stations').map((v, i) => {
    const p = `$.fleet.stations[${i}]`, s = h.obj(v, p);
    return { id: h.str(s.id, `${p}.id`), name: typeof s.name === 'string' ? s.name : '', kind: h.str(s.kind, `${p}.kind`), lonLat: h.lonLat(s.lonLat, `${p}.lonLat`) };
  });
  const stationIds = new Set(stations.map((s) => s.id));
  const units = h.arr(o.units, '$.fleet.units').map((v, i) => {
    const p = `$.fleet.units[${i}]`, u = h.obj(v, p);
    const stationId = h.str(u.stationId, `${p}.stationId`);
    if (!stationIds.has(stationId)) h.fail(`${p}.stationId`, `the id of a station in $.fleet.stations`, stationId);
    if (u.available !== undefined && typeof u.available !== 'boolean') h.fail(`${p}.available`, 'true or false', u.available);
    return { id: h.str(u.id, `${p}.id`), kind: h.kind(u.kind, `${p}.kind`), stationId, available: u.available !== false };
  });
  return { stations, units };
}
