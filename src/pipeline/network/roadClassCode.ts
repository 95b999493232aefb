import { ROAD_CLASS_NAMES, type RoadClassName } from '../../route/RoadGraph';

/** OSM highway tags folded onto the compiler's classes; names already in ROAD_CLASS_NAMES map to themselves. */
const OSM_CLASSES: Record<string, RoadClassName> = {
  motorway: 'expressway', motorway_link: 'expressway', trunk: 'expressway', trunk_link: 'expressway',
  primary: 'primary', primary_link: 'primary',
  secondary: 'secondary', secondary_link: 'secondary', tertiary: 'secondary', tertiary_link: 'secondary',
  residential: 'local', unclassified: 'local', living_street: 'local', service: 'local', road: 'local',
};

/** The `arcRoadClass` code of a class name; unknown names become 'other'. */
export function roadClassCode(name: string): number {
  const known = (ROAD_CLASS_NAMES as ReadonlyArray<string>).indexOf(name);
  if (known >= 0) return known;
  return ROAD_CLASS_NAMES.indexOf(OSM_CLASSES[name] ?? 'other');
}
