import type { UnplacedIssue } from '../../schema/SchemaValidator';
import { FeatureIssues } from './FeatureIssues';

/** A point of interest: what it is (an OSM amenity/emergency value or the source's own) and where. */
export interface PoiRecord {
  id: string;
  name: string;
  namePinyin: string;
  kind: string;
  lonDeg: number;
  latDeg: number;
}

/** Points of interest from a package's pois GeoJSON (Points). Issues name the feature and field. */
export function readPois(doc: unknown): { pois: PoiRecord[]; issues: UnplacedIssue[] } {
  const v = new FeatureIssues();
  const pois: PoiRecord[] = [];
  v.features(doc).forEach((f, i) => {
    const id = v.string(f, i, 'id'), kind = v.string(f, i, 'kind'), name = v.string(f, i, 'name', true), at = v.point(f, i);
    if (id === null || kind === null || name === null || at === null) return;
    const py = f.properties?.namePinyin;
    pois.push({ id, kind, name, namePinyin: typeof py === 'string' ? py : name, lonDeg: at[0], latDeg: at[1] });
  });
  return { pois, issues: v.list };
}
