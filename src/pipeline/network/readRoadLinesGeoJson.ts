import { readFileSync } from 'node:fs';
import { TRAVEL_MODES } from '../../route/TravelMode';
import type { ModeDirections, RoadLine, TravelDirection } from './RoadLine';

const DIRECTIONS: ReadonlyArray<TravelDirection> = ['both', 'forward', 'backward', 'none'];

/** The optional `modes` property: { car?, walk? } directions (as osmRoads writes them). */
function readModes(v: unknown, where: string): ModeDirections | undefined {
  if (v === undefined) return undefined;
  const m = v as Partial<ModeDirections> | null;
  const ok = typeof m === 'object' && m !== null && TRAVEL_MODES.every((k) => DIRECTIONS.includes(m[k] as TravelDirection));
  if (!ok) throw new Error(`${where}.properties.modes: expected { ${TRAVEL_MODES.map((k) => `${k}: ${DIRECTIONS.map((d) => `"${d}"`).join('|')}`).join(', ')} }, got ${JSON.stringify(v)}`);
  return { car: m!.car!, walk: m!.walk! };
}

/**
 * Reads a GeoJSON FeatureCollection of LineString (or MultiLineString) roads with properties
 * { id?, name?, roadClass, speedKmh, oneway, modes? } as written by writeCitySources and imports.
 * Throws naming the file, the feature and the field on bad input.
 */
export function readRoadLinesGeoJson(file: string): RoadLine[] {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: expected a readable GeoJSON file: ${(err as Error).message}`);
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${file}: expected a GeoJSON FeatureCollection with a features array`);
  const lines: RoadLine[] = [];
  fc.features.forEach((f: any, i: number) => {
    const where = `${file}: features[${i}]`;
    const p = f?.properties ?? {};
    const g = f?.geometry;
    if (g?.type !== 'LineString' && g?.type !== 'MultiLineString') throw new Error(`${where}.geometry.type: expected "LineString" or "MultiLineString", got ${JSON.stringify(g?.type)}`);
    if (typeof p.speedKmh !== 'number' || !(p.speedKmh > 0)) throw new Error(`${where}.properties.speedKmh: expected a positive number (km/h), got ${JSON.stringify(p.speedKmh)}`);
    if (p.oneway !== undefined && typeof p.oneway !== 'boolean') throw new Error(`${where}.properties.oneway: expected true or false, got ${JSON.stringify(p.oneway)}`);
    if (typeof p.roadClass !== 'string') throw new Error(`${where}.properties.roadClass: expected a string, got ${JSON.stringify(p.roadClass)}`);
    const modes = readModes(p.modes, where);
    const parts: unknown[] = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    if (!Array.isArray(parts)) throw new Error(`${where}.geometry.coordinates: expected an array`);
    parts.forEach((coords, k) => {
      if (!Array.isArray(coords) || coords.length < 2) throw new Error(`${where}.geometry.coordinates${g.type === 'LineString' ? '' : `[${k}]`}: expected at least 2 positions`);
      const id = String(p.id ?? f.id ?? `road-${i}`);
      lines.push({
        id: parts.length > 1 ? `${id}#${k}` : id, name: String(p.name ?? ''), roadClass: p.roadClass, speedKmh: p.speedKmh,
        oneway: p.oneway === true, ...(modes ? { modes } : {}), coordsLonLat: coords.map((c: any) => [c?.[0], c?.[1]] as [number, number]),
      });
    });
  });
  return lines;
}
