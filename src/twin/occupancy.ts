import type { BuildingUse } from './BuildingUse';

/**
 * Square meters of floor area per occupant by use (residential ~ 33 m²/person in Chengdu), of the
 * share OCCUPANCY_SHARE of the floor area in use: the demo city's people and the proposed
 * buildings of what-ifs follow the same rule.
 */
export const AREA_PER_PERSON: Record<BuildingUse, number> = {
  residential: 33, commercial: 25, office: 15, industrial: 60, school: 10, hospital: 20,
  fire_station: 80, police: 40, stadium: 1.5, government: 30,
};
export const OCCUPANCY_SHARE = 0.35;
