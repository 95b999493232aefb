import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { ImportReport } from '../import/ImportReport';
import { clipToBbox } from './clipToBbox';
import type { UnitTierSpec } from './ImportConfig';
import type { BboxLonLat, LonLatUnit } from './LonLatUnit';
import { osmAdminAreas } from './osm/osmAreas';
import { readOsmCity } from './osm/readOsmCity';
import { readSourceFeatures, sourceFormat, sourcePath, type SourceContext } from './sources/readSourceFeatures';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** "金牛区 (Jinniu)" -> ["金牛区", "Jinniu"]; otherwise the name and `en` (or the name). */
function splitName(name: string, en: string): [string, string] {
  const m = /^(.*?)\s*[(（]([^)）]+)[)）]\s*$/.exec(name);
  return m ? [m[1], en || m[2]] : [name, en || name];
}

/** The unit of `parents` containing a point inside `u` (its parent), else null. */
function containing(u: Position[][][], parents: LonLatUnit[]): string | null {
  const at = turf.pointOnFeature(turf.multiPolygon(u));
  return parents.find((p) => turf.booleanPointInPolygon(at, turf.multiPolygon(p.polygons)))?.id ?? null;
}

/** One tier's units from an OSM file's admin relations or a polygon table, clipped to the extent. */
async function tierUnits(spec: UnitTierSpec, k: number, ctx: SourceContext, bbox: BboxLonLat): Promise<LonLatUnit[]> {
  const at = `/units/${k}/source`, prefix = spec.level[0];
  const keep = (p: Position[][][]) => (spec.clipToExtent === false ? p : clipToBbox(p, bbox));
  if (sourceFormat(spec.source, at) === 'osm') {
    if (spec.osmAdminLevel === undefined) throw new Error(`import config /units/${k}/osmAdminLevel: an OSM source needs the admin_level of its units (e.g. 6 for Chinese districts)`);
    const osm = await readOsmCity(sourcePath(spec.source.file, ctx, `${at}/file`), ctx.report);
    // Boundary lines end where the extract does: faces are only closed within its bounds.
    const b = osm.bounds, box: BboxLonLat = b ? [Math.max(bbox[0], b[0]), Math.max(bbox[1], b[1]), Math.min(bbox[2], b[2]), Math.min(bbox[3], b[3])] : bbox;
    return osmAdminAreas(osm, spec.osmAdminLevel, box).map((a) => {
      const [name, namePinyin] = splitName(a.name, a.nameEn);
      if (a.how === 'faces') ctx.report.add({ code: 'unit-from-faces', action: 'repaired', source: osm.path, featureId: a.osmId, message: `${a.name}: the extract cuts this relation (members missing); its area is the faces of its boundary lines within the extent` });
      return { id: `${prefix}${a.osmId.replace(/\D/g, '')}`, level: spec.level, name: name || a.osmId, namePinyin: namePinyin || a.osmId, parentId: null, polygons: a.polygons };
    });
  }
  const f = (spec.source.fields ?? {}) as Record<string, string>;
  const features = await readSourceFeatures(spec.source, ctx, at);
  return features.flatMap((x, i) => {
    const g = x.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      ctx.report.add({ code: 'unit-not-polygon', action: 'skipped', source: spec.source.file, featureId: x.where, message: `a unit needs a Polygon or MultiPolygon, got ${g.type}` });
      return [];
    }
    const polygons = keep(g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
    if (polygons.length === 0) return [];
    const id = text(x.properties[f.id ?? 'id']) || `${prefix}${i + 1}`, name = text(x.properties[f.name ?? 'name']) || id;
    return [{ id, level: spec.level, name, namePinyin: text(x.properties[f.namePinyin ?? 'namePinyin']) || name, parentId: text(x.properties[f.parentId ?? 'parentId']) || null, polygons }];
  });
}

/**
 * The configured tiers (coarse to fine), each unit's parent given by the source or found
 * spatially in the tier above (else the root). Duplicate ids are an error naming the tier.
 */
export async function importTiers(specs: readonly UnitTierSpec[], ctx: SourceContext, bbox: BboxLonLat, report: ImportReport): Promise<LonLatUnit[]> {
  const out: LonLatUnit[] = [];
  let above: LonLatUnit[] = [];
  for (const [k, spec] of specs.entries()) {
    const units = await tierUnits(spec, k, ctx, bbox);
    const ids = new Set(out.map((u) => u.id));
    for (const u of units) {
      if (ids.has(u.id)) throw new Error(`import config /units/${k}: unit id "${u.id}" appears twice`);
      ids.add(u.id);
      if (u.parentId === null || !out.some((p) => p.id === u.parentId)) u.parentId = containing(u.polygons, above);
    }
    report.stat(`units:${spec.level}`, units.length);
    out.push(...units);
    above = units;
  }
  return out;
}
