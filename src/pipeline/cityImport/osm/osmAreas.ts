import * as turf from '@turf/turf';
import type { Feature, LineString, Position } from 'geojson';
import { assembleRings } from '../../import/assembleRings';
import type { OsmRelation, OsmTags } from '../../import/OsmData';
import { clipToBbox } from '../clipToBbox';
import type { OsmCity } from './readOsmCity';

/** An area from OSM (an administrative unit, a water body): its polygons in lon/lat, clipped to the extent. */
export interface OsmArea {
  osmId: string;
  name: string;
  nameEn: string;
  tags: OsmTags;
  polygons: Position[][][];
  /** How the polygons were made: whole relation rings, or faces of the extract's boundary lines (relation cut by the extract). */
  how: 'rings' | 'faces';
}

type Bbox = [number, number, number, number];

const lineOf = (osm: OsmCity, refs: number[]): Position[] | null => {
  const pts = refs.map((r) => osm.data.nodes.get(r));
  return pts.every(Boolean) ? (pts as Position[]) : null;
};

const clipPolygons = (rings: Position[][], bbox: Bbox) => clipToBbox(rings.map((r) => [r]), bbox);

/** The outer rings a relation's member ways close into, or null when some member is missing. */
function relationRings(osm: OsmCity, rel: OsmRelation): Position[][] | null {
  const ways = new Map(osm.data.ways.map((w) => [w.id, w]));
  const seqs: number[][] = [];
  for (const m of rel.members) {
    if (m.type !== 'way' || (m.role !== 'outer' && m.role !== '')) continue;
    const w = ways.get(m.ref);
    if (!w) return null;
    seqs.push(w.refs);
  }
  const { rings, open } = assembleRings(seqs);
  if (open.length || rings.length === 0) return null;
  const lines = rings.map((r) => lineOf(osm, r));
  return lines.every(Boolean) ? (lines as Position[][]) : null;
}

/**
 * Faces of the boundary lines (the member ways present in the extract, clipped to `bbox`, plus the
 * bbox outline): each face belongs to the one relation all its boundary lines are members of.
 * This recovers units whose relations the extract cut (members outside it are missing).
 */
function boundaryFaces(osm: OsmCity, rels: OsmRelation[], bbox: Bbox): Map<number, Position[][][]> {
  const ways = new Map(osm.data.ways.map((w) => [w.id, w]));
  const owners = new Map<number, number[]>();
  for (const r of rels) for (const m of r.members) if (m.type === 'way' && ways.has(m.ref)) owners.set(m.ref, [...(owners.get(m.ref) ?? []), r.id]);
  const pieces: Array<{ line: Position[]; rels: number[] }> = [];
  for (const [wayId, rs] of owners) {
    const line = lineOf(osm, ways.get(wayId)!.refs);
    if (!line) continue;
    const clipped = turf.bboxClip(turf.lineString(line), bbox).geometry;
    const parts: Position[][] = clipped.type === 'LineString' ? [clipped.coordinates as Position[]] : (clipped.coordinates as Position[][]);
    for (const p of parts) if (p.length >= 2) pieces.push({ line: p, rels: rs });
  }
  const [w, s, e, n] = bbox;
  const perimeter = (p: Position) => (p[1] === s ? p[0] - w : p[0] === e ? (e - w) + (p[1] - s) : p[1] === n ? (e - w) + (n - s) + (e - p[0]) : 2 * (e - w) + (n - s) + (n - p[1]));
  const onBorder = pieces.flatMap((p) => [p.line[0], p.line[p.line.length - 1]]).filter((p) => p[0] === w || p[0] === e || p[1] === s || p[1] === n);
  const border = [[w, s], [e, s], [e, n], [w, n], ...onBorder].sort((a, b) => perimeter(a) - perimeter(b));
  border.push(border[0]);
  const edges: Feature<LineString>[] = pieces.map((p) => turf.lineString(p.line));
  for (let k = 0; k + 1 < border.length; k++) if (border[k][0] !== border[k + 1][0] || border[k][1] !== border[k + 1][1]) edges.push(turf.lineString([border[k], border[k + 1]]));
  const faces = turf.polygonize(turf.featureCollection(edges)).features;
  const out = new Map<number, Position[][][]>();
  for (const f of faces) {
    const ring = (turf.polygonToLine(f) as Feature<LineString>).geometry;
    const touching = pieces.filter((p) => {
      const mid = [(p.line[0][0] + p.line[1][0]) / 2, (p.line[0][1] + p.line[1][1]) / 2];
      return turf.pointToLineDistance(mid, ring, { units: 'meters' }) < 0.01;
    });
    const common = touching.reduce<number[] | null>((acc, p) => (acc === null ? p.rels : acc.filter((r) => p.rels.includes(r))), null);
    if (common && common.length === 1) out.set(common[0], [...(out.get(common[0]) ?? []), f.geometry.coordinates]);
  }
  return out;
}

/**
 * Administrative units of `adminLevel` (boundary=administrative relations) within `bbox`: whole
 * relations as their rings clipped to the bbox, relations the extract cut as faces of their
 * boundary lines. Relations that touch nothing inside the bbox are left out.
 */
export function osmAdminAreas(osm: OsmCity, adminLevel: number, bbox: Bbox): OsmArea[] {
  const rels = osm.data.relations.filter((r) => r.tags.boundary === 'administrative' && Number(r.tags.admin_level) === adminLevel);
  const out: OsmArea[] = [];
  let faces: Map<number, Position[][][]> | null = null;
  for (const r of rels) {
    const rings = relationRings(osm, r);
    const polygons = rings ? clipPolygons(rings, bbox) : (faces ??= boundaryFaces(osm, rels, bbox)).get(r.id) ?? [];
    if (polygons.length) out.push({ osmId: `relation/${r.id}`, name: r.tags.name ?? '', nameEn: r.tags['name:en'] ?? '', tags: r.tags, polygons, how: rings ? 'rings' : 'faces' });
  }
  return out;
}

const isWater = (t: OsmTags) => t.natural === 'water' || t.waterway === 'riverbank' || t.landuse === 'reservoir' || t.landuse === 'basin';

/** Water bodies (natural=water, waterway=riverbank, reservoirs) as polygons clipped to `bbox`. */
export function osmWaterAreas(osm: OsmCity, bbox: Bbox): OsmArea[] {
  const out: OsmArea[] = [];
  const add = (osmId: string, tags: OsmTags, rings: Position[][]) => {
    const polygons = clipPolygons(rings, bbox);
    if (polygons.length) out.push({ osmId, name: tags.name ?? '', nameEn: tags['name:en'] ?? '', tags, polygons, how: 'rings' });
  };
  for (const w of osm.data.ways) {
    if (!isWater(w.tags) || w.refs.length < 4 || w.refs[0] !== w.refs[w.refs.length - 1]) continue;
    const line = lineOf(osm, w.refs);
    if (line) add(`way/${w.id}`, w.tags, [line]);
  }
  for (const r of osm.data.relations) {
    if (!isWater(r.tags) || r.tags.type !== 'multipolygon') continue;
    const rings = relationRings(osm, r);
    if (rings) add(`relation/${r.id}`, r.tags, rings);
  }
  return out;
}
