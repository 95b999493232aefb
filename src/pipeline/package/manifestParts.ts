import type { DemGrid } from '../../geo/DemGrid';
import type { LocalFrame } from '../../geo/LocalFrame';
import type { PlaneUnit } from '../../twin/PlaneUnit';
import type { CityTier } from '../../twin/package/packageRecords';
import { roundDeg } from './geoJsonText';

/** [west, south, east, north] (degrees) of the DEM's plane extent. */
export function demBoundsLonLat(frame: LocalFrame, dem: DemGrid): [number, number, number, number] {
  const corners = [[dem.xMinM, dem.yMinM], [dem.xMaxM, dem.yMinM], [dem.xMinM, dem.yMaxM], [dem.xMaxM, dem.yMaxM]].map(([x, y]) => frame.toLonLat(x, y));
  return [
    roundDeg(Math.min(...corners.map((c) => c[0]))), roundDeg(Math.min(...corners.map((c) => c[1]))),
    roundDeg(Math.max(...corners.map((c) => c[0]))), roundDeg(Math.max(...corners.map((c) => c[1]))),
  ];
}

/** The names the demo (and any import that does not name its tiers) gives each tier. */
export const DEFAULT_TIER_NAMES: Record<CityTier['level'], [string, string]> = {
  district: ['区', 'District'], street: ['街道', 'Street'], community: ['社区', 'Community'], grid: ['网格', 'Grid cell'],
};

const ORDER: ReadonlyArray<CityTier['level']> = ['district', 'street', 'community', 'grid'];

/** The tiers the units use, coarse to fine, with their names (given, else the defaults) and counts. */
export function tiersOf(units: ReadonlyArray<PlaneUnit>, names: Partial<Record<CityTier['level'], [string, string]>> = {}): CityTier[] {
  return ORDER.flatMap((level) => {
    const count = units.filter((u) => u.level === level).length;
    const [name, namePinyin] = names[level] ?? DEFAULT_TIER_NAMES[level];
    return count ? [{ level, name, namePinyin, count }] : [];
  });
}
