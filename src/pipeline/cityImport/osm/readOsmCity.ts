import { readFile } from 'node:fs/promises';
import tinyosmpbf from 'tiny-osmpbf';
import { ImportReport } from '../../import/ImportReport';
import type { OsmData, OsmTags } from '../../import/OsmData';
import { readOsmPbf } from '../../import/readOsmPbf';
import { readOsmXml } from '../../import/readOsmXml';

/** An OSM file as the city importer needs it: the elements, plus the tags of tagged nodes (amenities). */
export interface OsmCity {
  path: string;
  data: OsmData;
  /** Node id -> tags, for nodes that have tags. */
  nodeTags: Map<number, OsmTags>;
  /** The extract's `<bounds>` [west, south, east, north] when the file states it: beyond it the data is cut. */
  bounds?: [number, number, number, number];
}

const BOUNDS = /<bounds\b([^>]*)>/;

function xmlBounds(xml: string): [number, number, number, number] | undefined {
  const m = BOUNDS.exec(xml.slice(0, 4096));
  if (!m) return undefined;
  const v = (k: string) => Number(new RegExp(`\\b${k}\\s*=\\s*["']([-\\d.]+)["']`).exec(m[1])?.[1]);
  const b: [number, number, number, number] = [v('minlon'), v('minlat'), v('maxlon'), v('maxlat')];
  return b.every(Number.isFinite) ? b : undefined;
}

const NODE_BLOCK = /<node\b([^>]*?)(?<!\/)>([\s\S]*?)<\/node>/g;
const ID = /\bid\s*=\s*["'](-?\d+)["']/;
const TAG = /<tag\b[^>]*?\bk\s*=\s*"([^"]*)"[^>]*?\bv\s*=\s*"([^"]*)"/g;
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Tags of the tagged nodes of OSM XML (the element reader keeps way and relation tags only). */
function xmlNodeTags(xml: string): Map<number, OsmTags> {
  const out = new Map<number, OsmTags>();
  NODE_BLOCK.lastIndex = 0;
  for (let m = NODE_BLOCK.exec(xml); m; m = NODE_BLOCK.exec(xml)) {
    const id = ID.exec(m[1]);
    if (!id) continue;
    const tags: OsmTags = {};
    TAG.lastIndex = 0;
    for (let t = TAG.exec(m[2]); t; t = TAG.exec(m[2])) tags[unescape(t[1])] = unescape(t[2]);
    if (Object.keys(tags).length) out.set(Number(id[1]), tags);
  }
  return out;
}

/** Tags of the tagged nodes of OSM PBF. */
function pbfNodeTags(bytes: Uint8Array): Map<number, OsmTags> {
  const out = new Map<number, OsmTags>();
  tinyosmpbf(bytes, (e) => { if (e.type === 'node' && e.tags && Object.keys(e.tags).length) out.set(e.id, e.tags); });
  return out;
}

/**
 * Reads an OSM XML (.osm) or PBF (.osm.pbf) file with the pipeline's element readers, and the tags
 * of its tagged nodes (fire stations, hospitals and other amenities are often nodes). Throws
 * naming the file when it is not OSM.
 */
export async function readOsmCity(path: string, report = new ImportReport()): Promise<OsmCity> {
  const bytes = new Uint8Array(await readFile(path));
  const pbf = /\.pbf$/i.test(path) || bytes[0] !== 0x3c /* '<' */ && !/^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64)));
  if (pbf) return { path, data: readOsmPbf(bytes, path, report), nodeTags: pbfNodeTags(bytes) };
  const xml = new TextDecoder().decode(bytes);
  return { path, data: readOsmXml(xml, path, report), nodeTags: xmlNodeTags(xml), bounds: xmlBounds(xml) };
}
