import tinyosmpbf from 'tiny-osmpbf';
import type { ImportReport } from './ImportReport';
import type { OsmData } from './OsmData';

/**
 * Parses an OpenStreetMap PBF file (tiny-osmpbf: zlib blobs, dense nodes) into `OsmData`.
 * A file that is not OSM PBF throws naming the file; nodes without coordinates are reported.
 */
export function readOsmPbf(bytes: Uint8Array, source: string, report: ImportReport): OsmData {
  const data: OsmData = { nodes: new Map(), ways: [], relations: [] };
  try {
    tinyosmpbf(bytes, (e) => {
      if (e.type === 'node') {
        if (Number.isFinite(e.lon) && Number.isFinite(e.lat)) data.nodes.set(e.id, [e.lon!, e.lat!]);
        else report.add({ code: 'bad-node', action: 'skipped', source, featureId: `node/${e.id}`, message: 'node without coordinates' });
      } else if (e.type === 'way') {
        data.ways.push({ id: e.id, refs: e.nodes ?? [], tags: e.tags ?? {} });
      } else if (e.type === 'relation') {
        data.relations.push({ id: e.id, members: e.members ?? [], tags: e.tags ?? {} });
      }
    });
  } catch (err) {
    throw new Error(`${source}: not a readable OSM PBF file (${(err as Error).message})`);
  }
  return data;
}
