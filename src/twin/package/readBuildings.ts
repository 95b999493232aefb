import type { LocalFrame } from '../../geo/LocalFrame';
import type { UnplacedIssue } from '../../schema/SchemaValidator';
import type { BuildingRecord } from '../BuildingRecord';
import { FeatureIssues } from './FeatureIssues';

const UNIT_KEYS = ['districtId', 'streetId', 'communityId', 'gridId'] as const;

/**
 * Buildings from a package's attribute table (GeoJSON, lon/lat) into plane records. Issues name
 * the feature and field: duplicate ids, heights, floors and people out of range, non-polygons.
 * Unit ids may be empty (a tier the city does not have).
 */
export function readBuildings(doc: unknown, frame: LocalFrame): { buildings: BuildingRecord[]; issues: UnplacedIssue[] } {
  const v = new FeatureIssues();
  const seen = new Set<string>();
  const buildings: BuildingRecord[] = [];
  v.features(doc).forEach((f, i) => {
    const id = v.string(f, i, 'id'), polys = v.polygons(f, i);
    const heightM = v.number(f, i, 'heightM', 0, 1000, 'a height (m)'), floors = v.number(f, i, 'floors', 0, 300, 'a floor count');
    const population = v.number(f, i, 'population', 0, 1e6, 'people present');
    const use = v.string(f, i, 'use'), addressId = v.string(f, i, 'addressId', true);
    const address = v.string(f, i, 'address', true), addressPinyin = v.string(f, i, 'addressPinyin', true);
    const unitIds = UNIT_KEYS.map((k) => v.string(f, i, k, true));
    if (id !== null && seen.has(id)) v.add(`/features/${i}/properties/id`, 'an id no other building has', id);
    if (floors !== null && !Number.isInteger(floors)) v.add(`/features/${i}/properties/floors`, 'a whole number of floors', floors);
    if (polys !== null && polys.length !== 1) v.add(`/features/${i}/geometry`, 'one Polygon per building', `${polys.length} polygons`);
    if (id === null || polys === null || heightM === null || floors === null || population === null || use === null ||
      addressId === null || address === null || addressPinyin === null || unitIds.includes(null)) return;
    seen.add(id);
    const footprint = polys[0][0].map(([lon, lat]) => frame.toPlane(lon, lat));
    footprint.pop(); // closed in GeoJSON, open in BuildingRecord
    const [districtId, streetId, communityId, gridId] = unitIds as string[];
    buildings.push({ id, footprint, heightM, floors, use, addressId, address, addressPinyin, population, districtId, streetId, communityId, gridId });
  });
  return { buildings, issues: v.list };
}
