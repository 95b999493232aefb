import type { TravelMode } from '../../route/TravelMode';
import type { RoadLine, TravelDirection } from './RoadLine';

/** Walking speed (km/h) on every walkable line but steps. */
export const WALK_SPEED_KMH = 5;
/** Walking speed on steps (km/h): a flight of stairs is slower than a ramp of the same length. */
export const STEPS_WALK_SPEED_KMH = 3;

/** Classes walkers may not use when a line carries no per-mode directions (the demo city, untagged sources). */
const NO_WALK_CLASSES = new Set(['expressway', 'motorway', 'motorway_link']);

/** Which way `mode` may travel line `l`: its tagged direction, or the default for an untagged line. */
export function lineDirection(l: RoadLine, mode: TravelMode): TravelDirection {
  const tagged = l.modes?.[mode];
  if (tagged !== undefined) return tagged;
  if (mode === 'car') return l.oneway ? 'forward' : 'both';
  return NO_WALK_CLASSES.has(l.roadClass) ? 'none' : 'both';
}

/** Free-flow speed of `mode` on line `l` (km/h): the line's car speed, or walking speed. */
export function lineSpeedKmh(l: RoadLine, mode: TravelMode): number {
  if (mode === 'car') return l.speedKmh;
  return l.roadClass === 'steps' ? STEPS_WALK_SPEED_KMH : WALK_SPEED_KMH;
}
