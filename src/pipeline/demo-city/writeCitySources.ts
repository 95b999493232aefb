import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalFrame } from '../../geo/LocalFrame';
import { writeDem } from '../package/writeDem';
import type { DemoCity } from './generateDemoCity';

/** Rounds degrees to 1e-7 (~1 cm) so output bytes do not depend on float noise. */
const deg = (v: number) => Math.round(v * 1e7) / 1e7;

function ringToLonLat(frame: LocalFrame, ring: ReadonlyArray<[number, number]>, close: boolean): number[][] {
  const out = ring.map(([x, y]) => frame.toLonLat(x, y).map(deg));
  if (close) out.push([...out[0]]);
  return out;
}

function featureCollection(features: unknown[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/**
 * Writes the city's sources as GeoJSON (lon/lat degrees, WGS84) plus the DEM:
 * buildings.geojson, roads.geojson, units.geojson, river.geojson, dem.json + dem.f32 (writeDemoPackage
 * adds the other parts and city.json).
 */
export function writeCitySources(dir: string, city: DemoCity): Record<string, number> {
  mkdirSync(dir, { recursive: true });
  const { frame } = city;
  const buildings = city.buildings.map(({ footprint, ...props }) => ({
    type: 'Feature', id: props.id, properties: props,
    geometry: { type: 'Polygon', coordinates: [ringToLonLat(frame, footprint, true)] },
  }));
  const roads = city.roads.map(({ coords, ...props }) => ({
    type: 'Feature', id: props.id, properties: props,
    geometry: { type: 'LineString', coordinates: ringToLonLat(frame, coords, false) },
  }));
  const units = city.units.map(({ rings, ...props }) => ({
    type: 'Feature', id: props.id, properties: props,
    geometry: rings.length === 1
      ? { type: 'Polygon', coordinates: [ringToLonLat(frame, rings[0], false)] }
      : { type: 'MultiPolygon', coordinates: rings.map((r) => [ringToLonLat(frame, r, false)]) },
  }));
  const river = [{ type: 'Feature', id: 'jinjiang', properties: { id: 'jinjiang', name: '锦江', namePinyin: 'Jinjiang' },
    geometry: { type: 'Polygon', coordinates: [ringToLonLat(frame, city.river, false)] } }];
  writeFileSync(join(dir, 'buildings.geojson'), featureCollection(buildings));
  writeFileSync(join(dir, 'roads.geojson'), featureCollection(roads));
  writeFileSync(join(dir, 'units.geojson'), featureCollection(units));
  writeFileSync(join(dir, 'river.geojson'), featureCollection(river));
  writeDem(dir, city.dem);
  const counts = {
    buildings: city.buildings.length, roads: city.roads.length, units: city.units.length,
    population: city.buildings.reduce((s, b) => s + b.population, 0),
  };
  return counts;
}
