import type { OsmTags } from '../../import/OsmData';
import type { OsmCity } from './readOsmCity';

/** What an OSM element is to the city: a station, a hospital, a shelter, or a plain point of interest. */
export type FacilityKind = 'fire_station' | 'hospital' | 'police' | 'ambulance_station' | 'shelter' | 'poi';

/** One tagged OSM element (node, or closed way at its centroid) the city package takes. */
export interface OsmFacility {
  /** 'node/123' or 'way/456'. */
  osmId: string;
  kind: FacilityKind;
  /** The tag value it was recognised by (e.g. 'school', 'assembly_point', 'restaurant'). */
  tag: string;
  name: string;
  nameEn: string;
  lonDeg: number;
  latDeg: number;
  /** Footprint area (m²) of a closed way; 0 for nodes. */
  areaM2: number;
  tags: OsmTags;
}

/** The facility kind of an element's tags, or null when it is not one the city takes. */
export function facilityKind(t: OsmTags): { kind: FacilityKind; tag: string } | null {
  if (t.amenity === 'fire_station' || t.emergency === 'fire_station') return { kind: 'fire_station', tag: 'fire_station' };
  if (t.amenity === 'hospital' || t.healthcare === 'hospital') return { kind: 'hospital', tag: 'hospital' };
  if (t.amenity === 'police') return { kind: 'police', tag: 'police' };
  if (t.emergency === 'ambulance_station') return { kind: 'ambulance_station', tag: 'ambulance_station' };
  if (t.emergency === 'assembly_point' || t.amenity === 'shelter' || t.social_facility === 'shelter') return { kind: 'shelter', tag: t.emergency === 'assembly_point' ? 'assembly_point' : 'shelter' };
  if (t.amenity === 'school') return { kind: 'shelter', tag: 'school' };
  const poi = t.amenity ?? t.tourism ?? t.leisure ?? t.shop ?? t.healthcare ?? t.emergency;
  return poi && (t.name || t['name:en']) ? { kind: 'poi', tag: poi } : null;
}

const M_PER_DEG = 111_320;

/** Centroid (lon/lat) and area (m²) of a closed ring of lon/lat, on a local equirectangular plane. */
function ringCentroidArea(ring: Array<[number, number]>): { lonLat: [number, number]; areaM2: number } {
  const [lon0, lat0] = ring[0], kx = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const x0 = (ring[i][0] - lon0) * kx, y0 = (ring[i][1] - lat0) * M_PER_DEG, x1 = (ring[i + 1][0] - lon0) * kx, y1 = (ring[i + 1][1] - lat0) * M_PER_DEG;
    const c = x0 * y1 - x1 * y0;
    a += c; cx += (x0 + x1) * c; cy += (y0 + y1) * c;
  }
  if (Math.abs(a) < 1e-6) return { lonLat: ring[0], areaM2: 0 };
  return { lonLat: [lon0 + cx / (3 * a) / kx, lat0 + cy / (3 * a) / M_PER_DEG], areaM2: Math.abs(a) / 2 };
}

/**
 * The facilities of an OSM file: fire stations, hospitals, police, ambulance stations, shelters
 * (schools, assembly points, shelters) and named points of interest, from tagged nodes and closed
 * ways (at their centroid, with their area). A node inside the way of the same kind and name is
 * the same facility and is dropped.
 */
export function osmFacilities(osm: OsmCity): OsmFacility[] {
  const out: OsmFacility[] = [];
  const make = (osmId: string, t: OsmTags, lonLat: [number, number], areaM2: number) => {
    const k = facilityKind(t);
    if (k) out.push({ osmId, ...k, name: t.name ?? t['name:zh'] ?? t['name:en'] ?? '', nameEn: t['name:en'] ?? t['name:zh-Latn-pinyin'] ?? '', lonDeg: lonLat[0], latDeg: lonLat[1], areaM2, tags: t });
  };
  for (const w of osm.data.ways) {
    if (w.refs.length < 4 || w.refs[0] !== w.refs[w.refs.length - 1] || !facilityKind(w.tags)) continue;
    const ring = w.refs.map((r) => osm.data.nodes.get(r)).filter((p): p is [number, number] => !!p);
    if (ring.length !== w.refs.length) continue;
    const { lonLat, areaM2 } = ringCentroidArea(ring);
    make(`way/${w.id}`, w.tags, lonLat, areaM2);
  }
  const ways = out.slice();
  for (const [id, t] of osm.nodeTags) {
    const p = osm.data.nodes.get(id);
    if (!p) continue;
    const k = facilityKind(t);
    const twin = k && ways.some((w) => w.kind === k.kind && w.name === (t.name ?? '') && Math.hypot((w.lonDeg - p[0]) * 96_000, (w.latDeg - p[1]) * M_PER_DEG) < Math.max(150, Math.sqrt(w.areaM2)));
    if (!twin) make(`node/${id}`, t, p, 0);
  }
  return out.sort((a, b) => (a.osmId < b.osmId ? -1 : a.osmId > b.osmId ? 1 : 0));
}
