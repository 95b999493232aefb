import type { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { Shelter } from './EvacuationSites';
import { ringArea, ringCentroid } from './ringGeometry';

/** What a building must tell to serve as a shelter or an evacuee group. */
export type SiteBuilding = Pick<BuildingRecord, 'id' | 'footprint' | 'floors' | 'use' | 'population'>;

/** Options of sheltersFromBuildings. */
export interface ShelterOptions {
  /** Building uses that serve as shelters. Default school and stadium. */
  uses?: string[];
  /** Share of the floor area usable for sheltering. Default 0.6. */
  usableShare?: number;
  /** Covered floor area per sheltered person (m²); 3.5 is the Sphere minimum. Default 3.5. */
  m2PerPerson?: number;
  /** Indices of buildings that may not serve (e.g. inside the hazard zone). */
  exclude?: ReadonlySet<number>;
}

/**
 * Shelters from a city's buildings (plane meters, placed by `frame`): schools and the stadium by
 * default, each holding floor area x usable share / area per person.
 */
export function sheltersFromBuildings(buildings: ReadonlyArray<SiteBuilding>, frame: LocalFrame, options: ShelterOptions = {}): Shelter[] {
  const uses = new Set(options.uses ?? ['school', 'stadium']), share = options.usableShare ?? 0.6, per = options.m2PerPerson ?? 3.5;
  if (!(share > 0 && share <= 1)) throw new Error(`sheltersFromBuildings: usableShare must be in (0, 1], got ${share}`);
  if (!(per > 0)) throw new Error(`sheltersFromBuildings: m2PerPerson must be > 0 m², got ${per}`);
  const out: Shelter[] = [];
  buildings.forEach((b, idx) => {
    if (!uses.has(b.use) || options.exclude?.has(idx)) return;
    const [lonDeg, latDeg] = frame.toLonLat(...ringCentroid(b.footprint));
    out.push({ id: b.id, lonDeg, latDeg, capacityPeople: Math.floor((ringArea(b.footprint) * b.floors * share) / per) });
  });
  return out;
}
