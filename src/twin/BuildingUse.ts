/** The kinds of building use, in the order of the tiles' metadata enum (any city, imported or generated). */
export const BUILDING_USES = [
  'residential', 'commercial', 'office', 'industrial', 'school', 'hospital', 'fire_station', 'police', 'stadium', 'government',
] as const;
export type BuildingUse = (typeof BUILDING_USES)[number];
