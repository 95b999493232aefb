import type { LocalFrame } from '../../geo/LocalFrame';
import type { UnplacedIssue } from '../../schema/SchemaValidator';
import type { PlaneRoad } from '../PlaneRoad';
import { FeatureIssues } from './FeatureIssues';

/**
 * Roads from a package's roads GeoJSON (LineStrings, lon/lat) into plane records. Lanes and width
 * may be absent (imports): 2 lanes, 3.5 m a lane. Issues name the feature and field.
 */
export function readRoads(doc: unknown, frame: LocalFrame): { roads: PlaneRoad[]; issues: UnplacedIssue[] } {
  const v = new FeatureIssues();
  const roads: PlaneRoad[] = [];
  v.features(doc).forEach((f, i) => {
    const id = v.string(f, i, 'id'), roadClass = v.string(f, i, 'roadClass'), name = v.string(f, i, 'name', true);
    const speedKmh = v.number(f, i, 'speedKmh', 1, 200, 'a free-flow speed (km/h)');
    const g = f.geometry, c = g?.coordinates as number[][] | undefined;
    const line = g?.type === 'LineString' && Array.isArray(c) && c.length >= 2 && c.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
    if (!line) v.add(`/features/${i}/geometry`, 'a LineString of 2 or more [lonDeg, latDeg]', g?.type);
    const p = f.properties ?? {};
    if (id === null || roadClass === null || name === null || speedKmh === null || !line) return;
    const lanes = typeof p.lanes === 'number' && p.lanes > 0 ? p.lanes : 2;
    roads.push({
      id, name, namePinyin: typeof p.namePinyin === 'string' ? p.namePinyin : name, roadClass, speedKmh, oneway: p.oneway === true,
      lanes, widthM: typeof p.widthM === 'number' && p.widthM > 0 ? p.widthM : lanes * 3.5,
      coords: c!.map(([lon, lat]) => frame.toPlane(lon, lat)),
    });
  });
  return { roads, issues: v.list };
}

/** A water body: name and outer rings (closed, plane meters). */
export interface WaterBody {
  id: string;
  name: string;
  namePinyin: string;
  rings: Array<Array<[number, number]>>;
}

/** Water polygons (rivers, lakes) from a package's water GeoJSON into plane rings. */
export function readWater(doc: unknown, frame: LocalFrame): { water: WaterBody[]; issues: UnplacedIssue[] } {
  const v = new FeatureIssues();
  const water: WaterBody[] = [];
  v.features(doc).forEach((f, i) => {
    const polys = v.polygons(f, i), p = f.properties ?? {};
    if (polys === null) return;
    const name = typeof p.name === 'string' ? p.name : '';
    water.push({
      id: String(p.id ?? f.id ?? `water-${i}`), name, namePinyin: typeof p.namePinyin === 'string' ? p.namePinyin : name,
      rings: polys.map((poly) => poly[0].map(([lon, lat]) => frame.toPlane(lon, lat))),
    });
  });
  return { water, issues: v.list };
}
