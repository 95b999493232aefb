import type { ImportReport } from './ImportReport';
import type { OsmData, OsmReadOptions } from './OsmData';
import { osmPbfBlocks } from './osmPbf/osmPbfBlocks';
import { readPrimitiveBlock } from './osmPbf/primitiveBlock';
import { BYTES, ProtoReader } from './osmPbf/ProtoReader';

/** Header features this reader understands (others a file requires make it refuse the file). */
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation']);

function checkHeader(data: Uint8Array, where: string): void {
  const r = new ProtoReader(data, `${where} HeaderBlock`);
  while (r.next()) {
    if (r.field === 4 && r.wire === BYTES) {
      const feature = r.string();
      if (!SUPPORTED_FEATURES.has(feature)) r.fail(`the file requires feature "${feature}", which this reader does not support (supported: ${[...SUPPORTED_FEATURES].join(', ')})`);
    } else r.skip();
  }
}

/**
 * Parses an OpenStreetMap PBF file (zlib or raw blobs; dense and plain nodes, ways, relations)
 * into `OsmData`. Every length is checked before use, so a truncated, corrupted or hostile file
 * throws naming the file, the block and the byte (never hangs, never allocates what a length field
 * claims beyond the format's 32 MiB block limit); nodes outside WGS84 are skipped and reported.
 * `options.nodeTags` also collects the tags of tagged nodes.
 */
export function readOsmPbf(bytes: Uint8Array, source: string, report: ImportReport, options: OsmReadOptions = {}): OsmData {
  const data: OsmData = { nodes: new Map(), ways: [], relations: [], ...(options.nodeTags ? { nodeTags: new Map() } : {}) };
  if (bytes.length === 0) throw new Error(`${source}: empty file (expected OSM PBF)`);
  const badNode = (id: number, where: string, message: string) =>
    report.add({ code: 'bad-node', action: 'skipped', source, featureId: `node/${id}`, message: `${message} (${where})` });
  try {
    let header = false;
    for (const block of osmPbfBlocks(bytes)) {
      if (!header) {
        if (block.type !== 'OSMHeader') throw new Error(`${block.where}: the first block must be "OSMHeader"`);
        checkHeader(block.data, block.where);
        header = true;
      } else if (block.type === 'OSMData') readPrimitiveBlock(block.data, block.where, data, badNode);
      // Other block types are ignored, as the format says.
    }
  } catch (err) {
    throw new Error(`${source}: not a readable OSM PBF file: ${(err as Error).message}`);
  }
  return data;
}
