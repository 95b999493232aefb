import type { LocalFrame } from '../../geo/LocalFrame';
import type { WaterBody } from '../../twin/package/readLines';
import { clipToBbox } from './clipToBbox';
import type { SourceSpec } from './ImportConfig';
import type { BboxLonLat } from './LonLatUnit';
import { osmWaterAreas } from './osm/osmAreas';
import type { OsmCity } from './osm/readOsmCity';
import { readSourceFeatures, type SourceContext } from './sources/readSourceFeatures';

/** Water bodies in the plane: from a polygon source, else the OSM file's water areas, clipped to the extent. */
export async function importWater(spec: SourceSpec | undefined, osm: OsmCity | null, ctx: SourceContext, frame: LocalFrame, bbox: BboxLonLat): Promise<WaterBody[]> {
  const toPlane = (ring: number[][]) => ring.map(([lon, lat]) => frame.toPlane(lon, lat));
  if (!spec) {
    return (osm ? osmWaterAreas(osm, bbox) : []).map((a) => ({ id: a.osmId.replace('/', '-'), name: a.name, namePinyin: a.nameEn || a.name, rings: a.polygons.map((p) => toPlane(p[0])) }));
  }
  const f = (spec.fields ?? {}) as Record<string, string>;
  return (await readSourceFeatures(spec, ctx, '/water')).flatMap((x, i) => {
    const g = x.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return [];
    const polygons = clipToBbox(g.type === 'Polygon' ? [g.coordinates] : g.coordinates, bbox);
    const name = String(x.properties[f.name ?? 'name'] ?? '');
    return polygons.length ? [{ id: String(x.properties[f.id ?? 'id'] ?? `water-${i + 1}`), name, namePinyin: name, rings: polygons.map((p) => toPlane(p[0])) }] : [];
  });
}
