import type { LocalFrame } from '../geo/LocalFrame';
import type { BuildingRecord } from '../twin/BuildingRecord';
import type { Fleet, Station, Unit, UnitKind } from './Fleet';

/** Units based at each kind of station in the demo city. */
export const DEMO_UNITS_PER_STATION: Record<string, Partial<Record<UnitKind, number>>> = {
  fire_station: { fire_engine: 3, ambulance: 1 },
  hospital: { ambulance: 3 },
  police: { police_car: 2 },
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
 * The demo city's stations: buildings whose use is fire_station, hospital or police, at their
 * footprint centroid, each with the units of DEMO_UNITS_PER_STATION (all available).
 */
export function demoFleet(frame: LocalFrame, buildings: ReadonlyArray<BuildingRecord>, perStation = DEMO_UNITS_PER_STATION): Fleet {
  const stations: Station[] = [], units: Unit[] = [];
  for (const b of buildings) {
    const fleet = perStation[b.use];
    if (!fleet) continue;
    const [x, y] = ringCentroid(b.footprint);
    stations.push({ id: b.id, name: b.address, kind: b.use, lonLat: frame.toLonLat(x, y) });
    for (const [kind, count] of Object.entries(fleet) as Array<[UnitKind, number]>) {
      for (let k = 1; k <= count; k++) units.push({ id: `${b.id}/${kind}-${k}`, kind, stationId: b.id, available: true });
    }
  }
  return { stations, units };
}
