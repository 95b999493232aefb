import type { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { PlaneUnit } from '../../twin/PlaneUnit';
import type { PoiRecord } from '../../twin/package/readPois';

/** Rounds degrees to 1e-7 (~1 cm) so output bytes do not depend on float noise. */
export const roundDeg = (v: number): number => Math.round(v * 1e7) / 1e7;

/** A plane ring in lon/lat, closed when `close` (GeoJSON rings repeat their first position). */
export function ringToLonLat(frame: LocalFrame, ring: ReadonlyArray<readonly [number, number]>, close: boolean): number[][] {
  const out = ring.map(([x, y]) => frame.toLonLat(x, y).map(roundDeg));
  if (close && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push([...out[0]]);
  return out;
}

/** A FeatureCollection as text, one feature per line (so a line number names a feature). */
export function featureCollectionText(features: unknown[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** Buildings as GeoJSON features (the package's attribute table). */
export function buildingFeatures(frame: LocalFrame, buildings: ReadonlyArray<BuildingRecord>): unknown[] {
  return buildings.map(({ footprint, ...props }) => ({
    type: 'Feature', id: props.id, properties: props, geometry: { type: 'Polygon', coordinates: [ringToLonLat(frame, footprint, true)] },
  }));
}

/** Spatial units (root and tiers) as GeoJSON features. */
export function unitFeatures(frame: LocalFrame, units: ReadonlyArray<PlaneUnit>): unknown[] {
  return units.map(({ rings, ...props }) => ({
    type: 'Feature', id: props.id, properties: props,
    geometry: rings.length === 1
      ? { type: 'Polygon', coordinates: [ringToLonLat(frame, rings[0], true)] }
      : { type: 'MultiPolygon', coordinates: rings.map((r) => [ringToLonLat(frame, r, true)]) },
  }));
}

/** Points of interest as GeoJSON features. */
export function poiFeatures(pois: ReadonlyArray<PoiRecord>): unknown[] {
  return pois.map(({ lonDeg, latDeg, ...props }) => ({ type: 'Feature', id: props.id, properties: props, geometry: { type: 'Point', coordinates: [roundDeg(lonDeg), roundDeg(latDeg)] } }));
}

/**
 * A JSON object whose array members are written one element per line (compact, yet a line number
 * names a record): `{"synthetic":true,"sensors":[\n{...},\n{...}\n]}`.
 */
export function recordsText(doc: Record<string, unknown>): string {
  const parts = Object.entries(doc).map(([k, v]) => Array.isArray(v)
    ? `${JSON.stringify(k)}:[${v.length ? `\n${v.map((r) => JSON.stringify(r)).join(',\n')}\n` : ''}]`
    : `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{${parts.join(',\n')}}\n`;
}
