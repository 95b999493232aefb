import { readFile } from 'node:fs/promises';
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

/**
 * Reads an OSM XML (.osm) or PBF (.osm.pbf) file with the pipeline's element readers, with the tags
 * of its tagged nodes (fire stations, hospitals and other amenities are often nodes). Throws
 * naming the file when it is not OSM.
 */
export async function readOsmCity(path: string, report = new ImportReport()): Promise<OsmCity> {
  const bytes = new Uint8Array(await readFile(path));
  const pbf = /\.pbf$/i.test(path) || bytes[0] !== 0x3c /* '<' */ && !/^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64)));
  if (pbf) {
    const data = readOsmPbf(bytes, path, report, { nodeTags: true });
    return { path, data, nodeTags: data.nodeTags! };
  }
  const xml = new TextDecoder().decode(bytes);
  const data = readOsmXml(xml, path, report, { nodeTags: true });
  return { path, data, nodeTags: data.nodeTags!, bounds: xmlBounds(xml) };
}
