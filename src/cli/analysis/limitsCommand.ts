import { readFileSync } from 'node:fs';
import { UsageError, type ParsedArgs } from '../args';
import { heightLimitZonesFromGeoJson, type HeightLimit } from '../../analysis/limits/HeightLimit';
import { buildingsAboveLimit } from '../../analysis/limits/heightLimitCheck';
import { cityScene } from './cityScene';

/** At most this many offenders listed (the count is always complete). */
const MAX_LISTED = 1000;

/**
 * `analysis limits --city NAME (--height M [--absolute] | --zones FILE.geojson)`: the buildings
 * above a height limit (flat over the ground, flat absolute, or zones with `maxHeightM`), tallest
 * excess first, with the floors above it.
 */
export function limitsCommand(p: ParsedArgs): unknown {
  const { city, scene } = cityScene(p);
  const height = p.flags.get('height'), zones = p.flags.get('zones');
  let limit: HeightLimit;
  if (typeof zones === 'string') {
    let fc: unknown;
    try { fc = JSON.parse(readFileSync(zones, 'utf8')); } catch (err) { throw new Error(`${zones}: ${(err as Error).message}`); }
    limit = heightLimitZonesFromGeoJson(fc, city.frame, zones);
  } else if (typeof height === 'string' && Number.isFinite(Number(height)) && Number(height) >= 0) {
    limit = { kind: 'flat', heightM: Number(height), reference: p.flags.has('absolute') ? 'absolute' : 'ground' };
  } else {
    throw new UsageError('analysis limits expects --height M (m above the ground; add --absolute for ellipsoidal m) or --zones FILE (GeoJSON polygons with maxHeightM)');
  }
  const above = buildingsAboveLimit(scene, city.buildings, limit);
  return {
    limit: limit.kind === 'zones' ? { kind: 'zones', zones: limit.zones.length } : limit,
    buildingsAbove: above.length, listed: Math.min(above.length, MAX_LISTED),
    buildings: above.slice(0, MAX_LISTED).map(({ index: _index, ...rest }) => rest),
  };
}
