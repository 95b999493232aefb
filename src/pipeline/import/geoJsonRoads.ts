import type { ImportReport } from './ImportReport';
import { orientRoad, parseMaxspeedKmh, roadFromTags } from './roadFromTags';
import type { RoadLine } from './RoadLine';

/** A GeoJSON line already in WGS84 lon/lat. */
export interface LonLatLine {
  id: string;
  coordsLonLat: Array<[number, number]>;
  attributes: Record<string, unknown>;
}

/** OSM tags a GeoJSON road's properties may carry besides its class and speed: direction and access. */
const PASSED_TAGS = ['oneway', 'junction', 'area', 'access', 'motor_vehicle', 'motorcar', 'vehicle', 'foot', 'oneway:foot', 'conveying'];

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/**
 * Road lines from GeoJSON LineStrings: class from `highway` (or `roadClass`, `class`, `fclass`),
 * speed from `maxspeed`/`speedKmh` or the class default, `oneway` and access tags as in OSM. Vertices that
 * coincide (to 1e-7 degrees) share a node id, which gives the network its junctions. Lines
 * without a class get 'unclassified' (counted); lines with fewer than two vertices are skipped.
 */
export function geoJsonRoads(lines: LonLatLine[], source: string, report: ImportReport): RoadLine[] {
  const ids = new Map<string, number>();
  const nodeId = (lon: number, lat: number) => {
    const key = `${Math.round(lon * 1e7)},${Math.round(lat * 1e7)}`;
    let id = ids.get(key);
    if (id === undefined) { id = ids.size + 1; ids.set(key, id); }
    return id;
  };
  const out: RoadLine[] = [], noClass: string[] = [];
  for (const l of lines) {
    const a = l.attributes;
    const cls = str(a.highway) ?? str(a.roadClass) ?? str(a.class) ?? str(a.fclass);
    if (!cls) noClass.push(l.id);
    const tags: Record<string, string> = { highway: cls ?? 'unclassified' };
    for (const k of PASSED_TAGS) if (str(a[k]) !== undefined) tags[k] = str(a[k])!;
    const speed = str(a.maxspeed) ?? str(a.speedKmh);
    if (speed !== undefined) tags.maxspeed = speed;
    const t = roadFromTags(tags);
    if (!t || 'skip' in t) { report.add({ code: 'not-a-road', action: 'skipped', source, featureId: l.id, message: t && 'skip' in t ? t.skip : 'no highway class' }); continue; }
    const coords = l.coordsLonLat.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    if (coords.length < 2) { report.add({ code: 'degenerate', action: 'skipped', source, featureId: l.id, message: `line with ${coords.length} valid vertices` }); continue; }
    if (t.badMaxspeed !== undefined && Number.isNaN(parseMaxspeedKmh(t.badMaxspeed))) {
      report.add({ code: 'bad-maxspeed', action: 'defaulted', source, featureId: l.id, message: `maxspeed "${t.badMaxspeed}" unreadable; class default ${t.speedKmh} km/h used` });
    }
    const { order: ordered, modes } = orientRoad(coords, t);
    out.push({
      id: l.id, name: str(a.name) ?? '', roadClass: t.roadClass, speedKmh: t.speedKmh, oneway: modes.car === 'forward', modes,
      coordsLonLat: ordered, nodeIds: ordered.map(([x, y]) => nodeId(x, y)),
    });
  }
  report.addBulk('road-class-default', 'defaulted', source, noClass, 'line without highway/roadClass/class; imported as "unclassified"');
  return out;
}
