import { LocalFrame } from '../geo/LocalFrame';
import type { BuildingRecord } from './BuildingRecord';
import type { UnitInput } from './SpatialHierarchy';

interface Feature { id?: string; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }
interface FeatureCollection { features: Feature[] }

/** Buildings and units of a city in its plane, read back from the GeoJSON the pipeline writes. */
export interface CityModelSources {
  frame: LocalFrame;
  buildings: BuildingRecord[];
  units: UnitInput[];
}

function fail(file: string, where: string, expected: string): never {
  throw new Error(`${file}: ${where}: expected ${expected}`);
}

/**
 * Converts `buildings.geojson` and `units.geojson` (lon/lat) back to plane records around the
 * manifest origin. Throws naming the file, the feature and the field on malformed input.
 */
export function cityModelFromGeoJson(
  origin: { lonDeg: number; latDeg: number }, buildingsFc: FeatureCollection, unitsFc: FeatureCollection | null,
): CityModelSources {
  const frame = new LocalFrame(origin.lonDeg, origin.latDeg);
  const toPlane = (ring: number[][]) => ring.map(([lon, lat]) => frame.toPlane(lon, lat));
  if (!Array.isArray(buildingsFc?.features)) fail('buildings.geojson', 'features', 'an array of Features');
  const buildings = buildingsFc.features.map((f, i) => {
    const p = f.properties ?? {};
    if (f.geometry?.type !== 'Polygon') fail('buildings.geojson', `features[${i}].geometry.type`, `"Polygon", got ${JSON.stringify(f.geometry?.type)}`);
    if (typeof p.heightM !== 'number') fail('buildings.geojson', `features[${i}].properties.heightM`, 'a number (m)');
    const ring = toPlane((f.geometry.coordinates as number[][][])[0]);
    ring.pop(); // closed in GeoJSON, open in BuildingRecord
    return { ...(p as unknown as BuildingRecord), footprint: ring };
  });
  const units: UnitInput[] = (unitsFc?.features ?? []).map((f) => {
    const p = f.properties as unknown as UnitInput;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates as number[][][]] : (f.geometry.coordinates as number[][][][]);
    return { id: p.id, level: p.level, name: p.name, namePinyin: p.namePinyin, parentId: p.parentId, rings: polys.map((poly) => toPlane(poly[0])) };
  });
  return { frame, buildings, units };
}
