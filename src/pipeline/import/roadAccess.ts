import type { ModeDirections, TravelDirection } from '../network/RoadLine';
import type { OsmTags } from './OsmData';

/**
 * Who may travel an OSM way, and which way: the rules of src/pipeline/network/README.md ("One
 * network per mode"), in the spirit of OSRM's car and foot profiles. Each mode checks, in order,
 * the highway class, its access tags (the most specific present wins) and its one-way tags.
 */

/** highway values cars (and emergency vehicles) may use. Never footway, pedestrian, steps, path, cycleway, track, busway. */
export const CAR_CLASSES = new Set([
  'motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link',
  'tertiary', 'tertiary_link', 'unclassified', 'residential', 'living_street', 'service', 'road',
]);

/** highway values open to walkers unless tagged otherwise (motorways are not). */
export const WALK_CLASSES = new Set([
  'trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link', 'tertiary', 'tertiary_link',
  'unclassified', 'residential', 'living_street', 'service', 'road', 'track',
  'footway', 'pedestrian', 'steps', 'path', 'corridor',
]);

/** highway values walkers may use only with foot=yes|designated|permissive. */
export const WALK_IF_FOOT_ALLOWED = new Set(['cycleway', 'bridleway', 'busway']);

/** Access keys, most specific first: the first one present decides. */
export const CAR_ACCESS_KEYS = ['motorcar', 'motor_vehicle', 'vehicle', 'access'] as const;
export const WALK_ACCESS_KEYS = ['foot', 'access'] as const;

/** Access values that shut a mode out. Anything else (yes, designated, permissive, destination, ...) lets it in. */
export const CAR_DENIED = new Set(['no', 'private', 'agricultural', 'forestry', 'delivery', 'customers', 'emergency', 'psv', 'bus', 'military', 'permit', 'use_sidepath']);
export const WALK_DENIED = new Set(['no', 'private', 'agricultural', 'forestry', 'delivery', 'military', 'use_sidepath']);

/** Ways pedestrians use alone, where a plain `oneway` is meant for them. */
const FOOT_ONLY = new Set(['footway', 'pedestrian', 'steps', 'path', 'corridor']);

const FORWARD = new Set(['yes', '1', 'true']), BACKWARD = new Set(['-1', 'reverse']), BOTH = new Set(['no', '0', 'false']);

/** The value of the first key present, or undefined. */
function firstOf(tags: OsmTags, keys: ReadonlyArray<string>): string | undefined {
  for (const k of keys) if (tags[k] !== undefined) return tags[k].trim().toLowerCase();
  return undefined;
}

/** A oneway-style value as a direction; undefined when it says nothing we can use. */
function onewayValue(v: string | undefined): TravelDirection | undefined {
  if (v === undefined) return undefined;
  if (FORWARD.has(v)) return 'forward';
  if (BACKWARD.has(v)) return 'backward';
  if (BOTH.has(v)) return 'both';
  if (v === 'reversible' || v === 'alternating') return 'none';
  return undefined;
}

function carDirection(tags: OsmTags): TravelDirection {
  const cls = tags.highway;
  if (!CAR_CLASSES.has(cls) || tags.area === 'yes') return 'none';
  const access = firstOf(tags, CAR_ACCESS_KEYS);
  if (access !== undefined && CAR_DENIED.has(access)) return 'none';
  const said = onewayValue(firstOf(tags, ['oneway:motorcar', 'oneway:motor_vehicle', 'oneway:vehicle', 'oneway']));
  if (said !== undefined) return said;
  const implied = cls === 'motorway' || cls === 'motorway_link' || tags.junction === 'roundabout' || tags.junction === 'circular';
  return implied ? 'forward' : 'both';
}

function walkDirection(tags: OsmTags): TravelDirection {
  const cls = tags.highway, foot = tags.foot?.trim().toLowerCase();
  const footAllowed = foot === 'yes' || foot === 'designated' || foot === 'permissive';
  if (!(WALK_CLASSES.has(cls) || (WALK_IF_FOOT_ALLOWED.has(cls) && footAllowed)) || tags.area === 'yes') return 'none';
  const access = firstOf(tags, WALK_ACCESS_KEYS);
  if (access !== undefined && WALK_DENIED.has(access)) return 'none';
  const conveying = tags.conveying;
  if (conveying === 'forward' || conveying === 'backward') return conveying;
  return onewayValue(tags['oneway:foot']) ?? (FOOT_ONLY.has(cls) ? onewayValue(tags.oneway) : undefined) ?? 'both';
}

/** Per mode, which way a way's tags let it be travelled, relative to the way's drawing direction. */
export function travelModesFromTags(tags: OsmTags): ModeDirections {
  return { car: carDirection(tags), walk: walkDirection(tags) };
}

/** The same directions for the way drawn the other way round. */
export function reverseModes(m: ModeDirections): ModeDirections {
  const flip = (d: TravelDirection): TravelDirection => (d === 'forward' ? 'backward' : d === 'backward' ? 'forward' : d);
  return { car: flip(m.car), walk: flip(m.walk) };
}
