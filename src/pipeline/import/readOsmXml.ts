import type { ImportReport } from './ImportReport';
import type { OsmData, OsmMember, OsmReadOptions, OsmTags } from './OsmData';
import { lineColumn, XmlSyntaxError, xmlTokens } from './xmlTokens';

/** Elements whose content is only other elements (text there means the file is broken). */
const ELEMENT_ONLY = new Set(['osm', 'node', 'way', 'relation', 'nd', 'tag', 'member', 'bounds']);

interface Open { name: string; id?: string; tags: OsmTags | null; refs?: number[]; members?: OsmMember[]; nodeId?: number }

const tagOf = (o: Open) => `<${o.name}${o.id !== undefined ? ` id="${o.id}"` : ''}>`;

/** Handles one start tag: adds nodes, ways, relations and their children to `data`. */
function startElement(name: string, a: Record<string, string>, parent: Open | undefined, data: OsmData, source: string, report: ImportReport): Open {
  const open: Open = { name, id: a.id, tags: null };
  if (name === 'node') {
    const id = Number(a.id), lon = Number(a.lon), lat = Number(a.lat);
    if (!Number.isFinite(id) || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      report.add({ code: 'bad-node', action: 'skipped', source, featureId: `node/${a.id}`, message: `node without valid id/lat/lon (lat="${a.lat}", lon="${a.lon}")` });
    } else {
      data.nodes.set(id, [lon, lat]);
      open.nodeId = id;
    }
  } else if (name === 'way' || name === 'relation') {
    const id = Number(a.id);
    if (!Number.isFinite(id)) {
      report.add({ code: 'bad-element', action: 'skipped', source, featureId: `${name}/${a.id}`, message: `${name} without a numeric id` });
    } else if (name === 'way') {
      const way = { id, refs: [], tags: {} };
      data.ways.push(way);
      Object.assign(open, { tags: way.tags, refs: way.refs });
    } else {
      const relation = { id, members: [], tags: {} };
      data.relations.push(relation);
      Object.assign(open, { tags: relation.tags, members: relation.members });
    }
  } else if (name === 'nd' && parent?.refs) {
    parent.refs.push(Number(a.ref));
  } else if (name === 'member' && parent?.members) {
    parent.members.push({ type: a.type as OsmMember['type'], ref: Number(a.ref), role: a.role ?? '' });
  } else if (name === 'tag' && parent?.tags && a.k !== undefined) {
    parent.tags[a.k] = a.v ?? '';
  } else if (name === 'tag' && parent?.nodeId !== undefined && data.nodeTags && a.k !== undefined) {
    let tags = data.nodeTags.get(parent.nodeId);
    if (!tags) data.nodeTags.set(parent.nodeId, (tags = {}));
    tags[a.k] = a.v ?? '';
  }
  return open;
}

/**
 * Parses OpenStreetMap XML (API 0.6 / osmium / osmconvert output) into `OsmData`. The file must be
 * well formed: tags nested and closed, attributes quoted, entity and character references valid,
 * and the `<osm>` root closed, so a truncated or corrupted file throws naming the file, the line
 * and what was expected (a cut file does not import half a city silently). Elements with missing
 * or non-numeric ids or coordinates are skipped and reported. `options.nodeTags` also collects the
 * tags of tagged nodes.
 */
export function readOsmXml(xml: string, source: string, report: ImportReport, options: OsmReadOptions = {}): OsmData {
  if (!/<osm[\s>]/.test(xml.slice(0, 4096))) {
    throw new Error(`${source}: not OSM XML (expected an <osm> root element in the first 4 KB)`);
  }
  const data: OsmData = { nodes: new Map(), ways: [], relations: [], ...(options.nodeTags ? { nodeTags: new Map() } : {}) };
  const stack: Open[] = [];
  let closed = false;
  try {
    for (const t of xmlTokens(xml)) {
      const top = stack[stack.length - 1];
      if (t.kind === 'text') {
        if (/\S/.test(t.text) && (!top || ELEMENT_ONLY.has(top.name))) {
          throw new XmlSyntaxError(t.offset + t.text.search(/\S/), `unexpected text ${JSON.stringify(t.text.trim().slice(0, 40))} ${top ? `inside ${tagOf(top)}` : 'outside the <osm> root'}`);
        }
      } else if (closed) {
        throw new XmlSyntaxError(t.offset, 'an element after the closing </osm>');
      } else if (t.kind === 'close') {
        if (!top || top.name !== t.name) throw new XmlSyntaxError(t.offset, `</${t.name}> where ${top ? `${tagOf(top)} must be closed first` : 'no element is open'}`);
        stack.pop();
        closed = stack.length === 0;
      } else {
        if (!top && t.name !== 'osm') throw new XmlSyntaxError(t.offset, `root element <${t.name}>; expected <osm>`);
        const open = startElement(t.name, t.attrs, top, data, source, report);
        if (!t.selfClosing) stack.push(open);
        else closed = stack.length === 0;
      }
    }
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new Error(`${source}: ${lineColumn(xml, err.offset)}: ${err.message}`);
    throw err;
  }
  if (!closed) {
    throw new Error(`${source}: truncated: the file ends at ${lineColumn(xml, xml.length)} inside ${stack.map(tagOf).join(' > ') || 'nothing'} (no closing </osm>)`);
  }
  return data;
}
