import type { ImportReport } from './ImportReport';
import type { OsmData, OsmMember, OsmRelation, OsmTags, OsmWay } from './OsmData';

const ELEMENT = /<(node|way|relation|nd|tag|member)\b([^>]*?)(\/?)>|<\/(node|way|relation)>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, e: string) =>
    e[0] !== '#' ? NAMED[e] : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) out[m[1]] = decode(m[2] ?? m[3]);
  return out;
}

/**
 * Parses OpenStreetMap XML (API 0.6 / osmium / osmconvert output) into `OsmData`. Elements with
 * missing or non-numeric ids or coordinates are skipped and reported; a file without an `<osm>`
 * root throws naming the file.
 */
export function readOsmXml(xml: string, source: string, report: ImportReport): OsmData {
  if (!/<osm[\s>]/.test(xml.slice(0, 4096))) {
    throw new Error(`${source}: not OSM XML (expected an <osm> root element in the first 4 KB)`);
  }
  const data: OsmData = { nodes: new Map(), ways: [], relations: [] };
  let way: OsmWay | null = null;
  let relation: OsmRelation | null = null;
  let tags: OsmTags | null = null;
  ELEMENT.lastIndex = 0;
  for (let m = ELEMENT.exec(xml); m; m = ELEMENT.exec(xml)) {
    const [, name, attrText, selfClosing, closing] = m;
    if (closing) { way = null; relation = null; tags = null; continue; }
    const a = attributes(attrText);
    if (name === 'node') {
      const id = Number(a.id), lon = Number(a.lon), lat = Number(a.lat);
      if (!Number.isFinite(id) || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        report.add({ code: 'bad-node', action: 'skipped', source, featureId: `node/${a.id}`, message: `node without valid id/lat/lon (lat="${a.lat}", lon="${a.lon}")` });
      } else data.nodes.set(id, [lon, lat]);
      tags = null; // node tags are not needed
    } else if (name === 'way' || name === 'relation') {
      const id = Number(a.id);
      if (!Number.isFinite(id)) {
        report.add({ code: 'bad-element', action: 'skipped', source, featureId: `${name}/${a.id}`, message: `${name} without a numeric id` });
        way = null; relation = null; tags = null;
      } else if (name === 'way') {
        way = { id, refs: [], tags: {} }; tags = way.tags; relation = null;
        data.ways.push(way);
      } else {
        relation = { id, members: [], tags: {} }; tags = relation.tags; way = null;
        data.relations.push(relation);
      }
      if (selfClosing) { way = null; relation = null; tags = null; }
    } else if (name === 'nd' && way) {
      way.refs.push(Number(a.ref));
    } else if (name === 'member' && relation) {
      relation.members.push({ type: a.type as OsmMember['type'], ref: Number(a.ref), role: a.role ?? '' });
    } else if (name === 'tag' && tags && a.k !== undefined) {
      tags[a.k] = a.v ?? '';
    }
  }
  return data;
}
