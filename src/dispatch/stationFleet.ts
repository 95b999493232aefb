import type { ResourcesFile, StationRecord, VehicleRecord } from '../twin/package/packageRecords';
import type { Fleet, Station, Unit, UnitKind } from './Fleet';

/** Units based at each kind of station when a city lists stations but not their vehicles (the demo's rule). */
export const DEFAULT_UNITS_PER_STATION: Record<string, Partial<Record<UnitKind, number>>> = {
  fire_station: { fire_engine: 3, ambulance: 1 },
  hospital: { ambulance: 3 },
  police: { police_car: 2 },
  ambulance_station: { ambulance: 2 },
};

/** What each kind of vehicle can do (resources.json `capabilities`). */
export const UNIT_CAPABILITIES: Record<UnitKind, string[]> = {
  fire_engine: ['firefighting', 'rescue'],
  ambulance: ['medical', 'patient_transport'],
  police_car: ['policing', 'traffic_control'],
};

/** Centroid of a polygon ring (plane meters, area-weighted; vertex mean for degenerate rings). */
export function ringCentroid(ring: ReadonlyArray<[number, number]>): [number, number] {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += cross; cx += (ring[j][0] + ring[i][0]) * cross; cy += (ring[j][1] + ring[i][1]) * cross;
  }
  if (Math.abs(a) < 1e-9) return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * Vehicles for stations by the per-kind rule, ids `<stationId>/<kind>-<n>`, marked synthetic (the
 * city listed stations but not what is based there).
 */
export function vehiclesForStations(stations: ReadonlyArray<Pick<StationRecord, 'id' | 'kind'>>, perStation = DEFAULT_UNITS_PER_STATION): VehicleRecord[] {
  const out: VehicleRecord[] = [];
  for (const s of stations) {
    for (const [kind, count] of Object.entries(perStation[s.kind] ?? {}) as Array<[UnitKind, number]>) {
      for (let k = 1; k <= count; k++) out.push({ id: `${s.id}/${kind}-${k}`, kind, stationId: s.id, capabilities: UNIT_CAPABILITIES[kind], synthetic: true });
    }
  }
  return out;
}

/**
 * The dispatch fleet of a city's resources: its stations and vehicles (station by station, in file
 * order), all available. For a kind of station named in `perStation`, the city's vehicles there
 * are replaced by that many of each kind (a scenario's fleet setting). A city without resources
 * gives an empty fleet; a vehicle of an unknown station is an error naming it.
 */
export function fleetFromResources(resources: ResourcesFile, perStation: Record<string, Partial<Record<UnitKind, number>>> = {}): Fleet {
  const stations: Station[] = resources.stations.map((s) => ({ id: s.id, name: s.name, kind: s.kind, lonLat: [s.lonDeg, s.latDeg] }));
  const byStation = new Map<string, VehicleRecord[]>(resources.stations.map((s) => [s.id, []]));
  resources.vehicles.forEach((v, i) => {
    const list = byStation.get(v.stationId);
    if (!list) throw new Error(`resources.json: /vehicles/${i}/stationId: expected the id of a station, got "${v.stationId}" (vehicle ${v.id})`);
    list.push(v);
  });
  const units: Unit[] = [];
  for (const s of resources.stations) {
    const vehicles = perStation[s.kind] ? vehiclesForStations([s], perStation) : byStation.get(s.id)!;
    for (const v of vehicles) units.push({ id: v.id, kind: v.kind, stationId: v.stationId, available: true });
  }
  return { stations, units };
}
