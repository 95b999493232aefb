import type { LocalFrame } from '../../geo/LocalFrame';
import { ringCentroid, vehiclesForStations } from '../../dispatch/stationFleet';
import { ringArea } from '../../sim/evacuation/ringGeometry';
import { sheltersFromBuildings } from '../../sim/evacuation/sheltersFromBuildings';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { HospitalRecord, ResourcesFile, ShelterRecord, StationRecord } from '../../twin/package/packageRecords';

/** Gross floor area per hospital bed (m²): China's general-hospital standard is about 100-110 m². */
export const HOSPITAL_M2_PER_BED = 100;
/** Building uses that are stations, and the station kind. */
const STATION_USES: Record<string, StationRecord['kind']> = { fire_station: 'fire_station', hospital: 'hospital', police: 'police' };

const deg = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * Resources from a city's buildings by their use (the demo's rule, and an import's for buildings
 * tagged as stations): a station at every fire station, hospital and police building with the
 * default vehicles, every hospital's beds from its floor area, shelters in schools and stadiums
 * (see sheltersFromBuildings). Everything but the positions is estimated and marked so.
 */
export function resourcesFromBuildings(buildings: ReadonlyArray<BuildingRecord>, frame: LocalFrame): ResourcesFile {
  const stations: StationRecord[] = [], hospitals: HospitalRecord[] = [];
  for (const b of buildings) {
    const kind = STATION_USES[b.use];
    if (!kind) continue;
    const [lonDeg, latDeg] = frame.toLonLat(...ringCentroid(b.footprint)).map(deg);
    stations.push({ id: b.id, name: b.address || b.id, kind, lonDeg, latDeg, buildingId: b.id });
    if (kind === 'hospital') {
      const beds = Math.max(10, Math.round((ringArea(b.footprint) * b.floors) / HOSPITAL_M2_PER_BED));
      hospitals.push({ id: b.id, name: b.address || b.id, lonDeg, latDeg, beds, bedsEstimated: true, buildingId: b.id });
    }
  }
  const byId = new Map(buildings.map((b) => [b.id, b]));
  const shelters = sheltersFromBuildings(buildings, frame).map((s): ShelterRecord => ({
    id: s.id, name: byId.get(s.id)?.address || s.id, lonDeg: deg(s.lonDeg), latDeg: deg(s.latDeg),
    capacityPeople: s.capacityPeople, capacityEstimated: true, buildingId: s.id,
  }));
  return { stations, vehicles: vehiclesForStations(stations), hospitals, shelters };
}
