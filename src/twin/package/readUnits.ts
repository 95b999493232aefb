import type { LocalFrame } from '../../geo/LocalFrame';
import type { PlaneUnit, UnitLevel } from '../PlaneUnit';
import { FeatureIssues } from './FeatureIssues';
import type { CityTier } from './packageRecords';
import type { UnplacedIssue } from '../../schema/SchemaValidator';

/**
 * Spatial units from a package's units GeoJSON (lon/lat) into plane rings: the root (level "city",
 * parentId null) and every tier the manifest lists, each unit's parent a unit of a coarser tier
 * (one tier up, or the root). Issues name the feature and field: duplicate ids, unknown levels,
 * parents that are missing or not coarser, geometry that is not a (Multi)Polygon.
 */
export function readUnits(doc: unknown, frame: LocalFrame, tiers: readonly CityTier[], rootId: string): { units: PlaneUnit[]; issues: UnplacedIssue[] } {
  const v = new FeatureIssues();
  const features = v.features(doc);
  const depth = new Map<string, number>([['city', 0], ...tiers.map((t, k) => [t.level, k + 1] as [string, number])]);
  const levelOf = new Map<string, number>();
  const units: PlaneUnit[] = [];
  features.forEach((f, i) => {
    const id = v.string(f, i, 'id'), level = v.string(f, i, 'level'), polys = v.polygons(f, i);
    const name = v.string(f, i, 'name', true), namePinyin = v.string(f, i, 'namePinyin', true);
    if (level !== null && !depth.has(level)) v.add(`/features/${i}/properties/level`, `"city" or a tier of city.json units.tiers (${tiers.map((t) => t.level).join(', ')})`, level);
    if (id !== null && levelOf.has(id)) v.add(`/features/${i}/properties/id`, 'an id no other unit has', id);
    if (id === null || level === null || !depth.has(level) || polys === null || name === null || namePinyin === null) return;
    levelOf.set(id, depth.get(level)!);
    const parentId = f.properties?.parentId;
    units.push({
      id, level: level as UnitLevel, name, namePinyin, parentId: typeof parentId === 'string' ? parentId : null,
      rings: polys.map((p) => p[0].map(([lon, lat]) => frame.toPlane(lon, lat))),
    });
  });
  units.forEach((u, k) => {
    const i = features.findIndex((f) => f.properties?.id === u.id);
    const d = levelOf.get(u.id)!;
    if (d === 0) {
      if (u.id !== rootId) v.add(`/features/${i}/properties/id`, `the root unit id of city.json units.rootId (${rootId})`, u.id);
      if (u.parentId !== null) v.add(`/features/${i}/properties/parentId`, 'null for the city (root) unit', u.parentId);
      return;
    }
    // A unit hangs under a coarser one: usually one tier up, the root where no unit of that tier covers it.
    const pd = u.parentId === null ? undefined : levelOf.get(u.parentId);
    if (pd === undefined || pd >= d) v.add(`/features/${i}/properties/parentId`, `the id of a unit of a coarser tier (${['the city root', ...tiers.slice(0, d - 1).map((t) => t.level)].join(', ')})`, units[k].parentId);
  });
  if (!levelOf.has(rootId)) v.add('', `a unit of level "city" with id ${JSON.stringify(rootId)} (city.json units.rootId)`);
  return { units, issues: v.list };
}
