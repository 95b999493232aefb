/** Kinds of emergency unit. */
export const UNIT_KINDS = ['fire_engine', 'ambulance', 'police_car'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A place units start from (fire station, hospital, police station). */
export interface Station {
  id: string;
  name: string;
  /** Building use or other label: 'fire_station' | 'hospital' | 'police' | ... */
  kind: string;
  /** [lonDeg, latDeg]. */
  lonLat: [number, number];
}

/** One vehicle and whether it can be sent now. */
export interface Unit {
  id: string;
  kind: UnitKind;
  stationId: string;
  available: boolean;
}

/** Stations and the units based at them. */
export interface Fleet {
  stations: Station[];
  units: Unit[];
}

/** An incident to respond to and the units it needs, e.g. { fire_engine: 2, ambulance: 1 }. */
export interface Incident {
  id: string;
  /** [lonDeg, latDeg]. */
  lonLat: [number, number];
  /** Free label ('fire', 'collision', ...). */
  kind?: string;
  requirements: Partial<Record<UnitKind, number>>;
}

/** Index of each station id in fleet.stations (throws on a unit whose station is unknown). */
export function stationIndex(fleet: Fleet): Map<string, number> {
  const index = new Map(fleet.stations.map((s, i) => [s.id, i]));
  for (const u of fleet.units) {
    if (!index.has(u.stationId)) throw new Error(`fleet: unit ${u.id} names station ${JSON.stringify(u.stationId)}, which is not in stations`);
  }
  return index;
}
