import { assembleRings } from './assembleRings';
import type { ImportReport } from './ImportReport';
import { inheritPartHeights } from './inheritPartHeights';
import type { OsmData, OsmRelation, OsmWay } from './OsmData';
import type { SourceBuilding } from './SourceBuilding';

const isBuilding = (v: string | undefined) => v !== undefined && v !== 'no';

/** Node ids to lon/lat, or the first missing id. */
function coordsOf(refs: number[], data: OsmData): Array<[number, number]> | { missing: number; of: number } {
  const out: Array<[number, number]> = [];
  let missing = 0;
  for (const r of refs) {
    const p = data.nodes.get(r);
    if (p) out.push(p); else missing++;
  }
  return missing ? { missing, of: refs.length } : out;
}

function fromRelation(r: OsmRelation, ways: Map<number, OsmWay>, data: OsmData, source: string, report: ImportReport, used: Set<number>): SourceBuilding[] {
  const fid = `relation/${r.id}`;
  const outer: number[][] = [];
  let inner = 0, missingWays = 0;
  for (const m of r.members) {
    if (m.type !== 'way') continue;
    const w = ways.get(m.ref);
    if (!w) { missingWays++; continue; }
    used.add(w.id);
    if (m.role === 'inner') inner++; else outer.push(w.refs);
  }
  if (missingWays) {
    report.add({ code: 'missing-members', action: 'skipped', source, featureId: fid, message: `${missingWays} member way(s) not in the file (cut by the extract?); multipolygon building skipped` });
    return [];
  }
  const { rings, open } = assembleRings(outer);
  if (open.length) report.add({ code: 'unclosed-ring', action: 'skipped', source, featureId: fid, message: `${open.length} outer way chain(s) do not close into a ring; those parts skipped` });
  if (inner) report.add({ code: 'holes-dropped', action: 'repaired', source, featureId: fid, message: `${inner} inner ring(s) (courtyards) dropped: footprints are single outer rings` });
  if (rings.length > 1) report.add({ code: 'multipart-split', action: 'repaired', source, featureId: fid, message: `${rings.length} outer rings imported as ${rings.length} buildings (-1, -2, ...)` });
  const out: SourceBuilding[] = [];
  rings.forEach((ring, k) => {
    const c = coordsOf(ring, data);
    const id = rings.length > 1 ? `osm-r${r.id}-${k + 1}` : `osm-r${r.id}`;
    if (Array.isArray(c)) out.push({ id, outer: c, attributes: r.tags });
    else report.add({ code: 'missing-nodes', action: 'skipped', source, featureId: id, message: `${c.missing} of ${c.of} nodes not in the file (cut by the extract?)` });
  });
  return out;
}

function fromWay(w: OsmWay, data: OsmData, source: string, report: ImportReport): SourceBuilding | null {
  const id = `osm-w${w.id}`;
  const c = coordsOf(w.refs, data);
  if (!Array.isArray(c)) {
    report.add({ code: 'missing-nodes', action: 'skipped', source, featureId: id, message: `${c.missing} of ${c.of} nodes not in the file (cut by the extract?)` });
    return null;
  }
  if (w.refs.length < 3) {
    report.add({ code: 'degenerate', action: 'skipped', source, featureId: id, message: `building way with ${w.refs.length} node(s)` });
    return null;
  }
  if (w.refs[0] !== w.refs[w.refs.length - 1]) {
    report.add({ code: 'unclosed-ring', action: 'repaired', source, featureId: id, message: 'building way is not closed; closed it with a straight edge' });
  }
  return { id, outer: c, attributes: w.tags };
}

/**
 * Building footprints of an OSM file: closed ways tagged building=* and multipolygon relations
 * tagged building=* (outer rings assembled from their ways; each outer ring one building).
 * building:part ways are counted and left out (the outline is the building and inherits the
 * tallest part's height when it has none); ways that are
 * also the outline of a building relation are left out as duplicates. Every case is reported.
 */
export function osmBuildings(data: OsmData, source: string, report: ImportReport): SourceBuilding[] {
  const ways = new Map(data.ways.map((w) => [w.id, w]));
  const used = new Set<number>();
  const out: SourceBuilding[] = [];
  for (const r of data.relations) {
    if (r.tags.type === 'multipolygon' && isBuilding(r.tags.building)) out.push(...fromRelation(r, ways, data, source, report, used));
  }
  const parts: SourceBuilding[] = [], duplicates: string[] = [];
  for (const w of data.ways) {
    if (!isBuilding(w.tags.building)) {
      const c = isBuilding(w.tags['building:part']) ? coordsOf(w.refs, data) : null;
      if (c) parts.push({ id: `osm-w${w.id}`, outer: Array.isArray(c) ? c : [], attributes: w.tags });
      continue;
    }
    if (used.has(w.id)) { duplicates.push(`osm-w${w.id}`); continue; }
    const b = fromWay(w, data, source, report);
    if (b) out.push(b);
  }
  report.addBulk('building-part', 'skipped', source, parts.map((p) => p.id), 'building:part ways left out as buildings; the outline is the building (it takes a part\'s height when it has none)');
  inheritPartHeights(out, parts.filter((p) => p.outer.length >= 3), source, report);
  report.addBulk('duplicate-outline', 'skipped', source, duplicates, 'building ways that are also members of a building multipolygon (imported once, via the relation)');
  return out;
}
