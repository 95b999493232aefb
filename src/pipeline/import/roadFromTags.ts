import type { ModeDirections } from '../network/RoadLine';
import { reverseModes, travelModesFromTags } from './roadAccess';

/*
 * Road class, speed and direction from OSM `highway` tags, with class defaults where `maxspeed`
 * or `oneway` are absent. Defaults are urban speeds (km/h) in the spirit of China's GB 50220 /
 * CJJ 37 design speeds and OSRM's car profile; footways get walking speed. Who may use the way
 * in which direction comes from roadAccess.
 */

const CLASS_SPEED_KMH: Record<string, number> = {
  motorway: 100, motorway_link: 60, trunk: 80, trunk_link: 50, primary: 60, primary_link: 40,
  secondary: 50, secondary_link: 40, tertiary: 40, tertiary_link: 30, unclassified: 30, residential: 30,
  living_street: 10, service: 20, road: 30, track: 15, busway: 50, bus_guideway: 50,
  pedestrian: 5, footway: 5, path: 5, steps: 3, cycleway: 15, bridleway: 5, corridor: 5,
};

/** highway values that are not ways one can travel on (yet or any more), or are not lines. */
const NOT_ROUTABLE = new Set(['proposed', 'construction', 'abandoned', 'disused', 'razed', 'platform', 'bus_stop', 'elevator', 'raceway', 'rest_area', 'services', 'emergency_bay']);

const NAMED_SPEED_KMH: Record<string, number> = { walk: 5, 'ru:urban': 60, 'ru:rural': 90, 'de:urban': 50, 'de:rural': 100, 'fr:urban': 50, 'cn:urban': 60 };

export interface RoadTags {
  roadClass: string;
  /** Car speed (km/h): maxspeed or the class default. */
  speedKmh: number;
  /** For cars: 1 forward only, -1 against the drawing direction only, 0 both ways (or no cars). */
  direction: 1 | -1 | 0;
  /** Per mode, which way the tags let it travel, relative to the drawing direction (roadAccess). */
  modes: ModeDirections;
  /** True when the speed came from the class default (maxspeed absent or unreadable). */
  speedDefaulted: boolean;
  /** The unreadable maxspeed text, when there was one. */
  badMaxspeed?: string;
}

/** Speed in km/h from a maxspeed value ("50", "30 mph", "walk", "RU:urban"); NaN if unreadable. */
export function parseMaxspeedKmh(text: string): number {
  const t = text.trim().toLowerCase();
  if (t in NAMED_SPEED_KMH) return NAMED_SPEED_KMH[t];
  const m = /^(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh|kph|knots)?$/.exec(t);
  if (!m) return NaN;
  const v = Number(m[1]);
  return m[2] === 'mph' ? v * 1.609344 : m[2] === 'knots' ? v * 1.852 : v;
}

/**
 * The road attributes of a way's tags, or null when it is not a road (no highway tag), or `skip`
 * with the reason for a highway value no one travels on (proposed, construction, platform, ...)
 * or a way neither cars nor walkers may use (a cycleway, access=private, ...).
 */
export function roadFromTags(tags: Record<string, string>): RoadTags | { skip: string } | null {
  const cls = tags.highway;
  if (!cls) return null;
  if (NOT_ROUTABLE.has(cls) || tags.area === 'yes') return { skip: `highway=${cls}${tags.area === 'yes' ? ' area' : ''} is not a travelled line` };
  const modes = travelModesFromTags(tags);
  if (modes.car === 'none' && modes.walk === 'none') return { skip: `highway=${cls}${accessNote(tags)}: no car or walk access` };
  const classSpeed = CLASS_SPEED_KMH[cls] ?? 30;
  let speedKmh = classSpeed, speedDefaulted = true, badMaxspeed: string | undefined;
  const maxspeed = tags.maxspeed ?? tags['maxspeed:forward'];
  if (maxspeed !== undefined && maxspeed !== 'none' && maxspeed !== 'signals') {
    const v = parseMaxspeedKmh(maxspeed);
    if (Number.isFinite(v) && v > 0) { speedKmh = v; speedDefaulted = false; } else badMaxspeed = maxspeed;
  }
  const direction = modes.car === 'forward' ? 1 : modes.car === 'backward' ? -1 : 0;
  return { roadClass: cls, speedKmh, direction, modes, speedDefaulted, badMaxspeed };
}

/** ' access=private'-style note of the access tags present, for skip reasons. */
function accessNote(tags: Record<string, string>): string {
  return ['access', 'motor_vehicle', 'motorcar', 'vehicle', 'foot'].filter((k) => tags[k] !== undefined).map((k) => ` ${k}=${tags[k]}`).join('');
}

/**
 * A road's vertices (or node ids) in travel order for cars: reversed when cars may only go against
 * the drawing direction (oneway=-1), with the mode directions reversed to match.
 */
export function orientRoad<T>(vertices: T[], t: RoadTags): { order: T[]; modes: ModeDirections } {
  return t.modes.car === 'backward' ? { order: vertices.slice().reverse(), modes: reverseModes(t.modes) } : { order: vertices, modes: t.modes };
}
