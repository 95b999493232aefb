import { inflateSync } from 'node:zlib';
import { BYTES, ProtoReader } from './ProtoReader';

/** Largest BlobHeader the format allows (64 KiB; writers keep it under 32 KiB). */
export const MAX_BLOB_HEADER_BYTES = 64 * 1024;
/** Largest Blob, compressed or not, the format allows (32 MiB). */
export const MAX_BLOB_BYTES = 32 * 1024 * 1024;

/** One file block of an OSM PBF file, its payload decompressed. */
export interface OsmPbfBlock {
  /** 1-based position in the file, for messages. */
  index: number;
  /** File offset of the block's length prefix. */
  offset: number;
  /** 'OSMHeader', 'OSMData' or another (ignored) type. */
  type: string;
  data: Uint8Array;
  /** "block 3 (OSMData) at byte 540": where messages point. */
  where: string;
}

function blobHeader(bytes: Uint8Array, start: number, end: number, where: string): { type: string; datasize: number } {
  const r = new ProtoReader(bytes, `${where} BlobHeader`, start, end);
  let type = '', datasize = -1;
  while (r.next()) {
    if (r.field === 1 && r.wire === BYTES) type = r.string();
    else if (r.field === 3) datasize = r.int();
    else r.skip();
  }
  if (!type) r.fail('BlobHeader without a type (expected "OSMHeader" or "OSMData")', start);
  if (datasize < 0) r.fail('BlobHeader without a datasize', start);
  if (datasize > MAX_BLOB_BYTES) r.fail(`Blob size ${datasize} bytes; expected 0 to ${MAX_BLOB_BYTES} (32 MiB, the format's limit)`, start);
  return { type, datasize };
}

const UNSUPPORTED: Record<number, string> = { 4: 'LZMA', 5: 'bzip2', 6: 'LZ4', 7: 'Zstandard' };

/** A Blob's payload: raw, or zlib inflated to exactly its declared raw_size (bounded before inflating). */
function blobData(bytes: Uint8Array, start: number, end: number, where: string): Uint8Array {
  const r: ProtoReader = new ProtoReader(bytes, `${where} Blob`, start, end);
  let raw: Uint8Array | null = null, zlib: Uint8Array | null = null, rawSize = -1;
  while (r.next()) {
    if (r.field === 1 && r.wire === BYTES) raw = r.bytes();
    else if (r.field === 2) rawSize = r.int();
    else if (r.field === 3 && r.wire === BYTES) zlib = r.bytes();
    else if (UNSUPPORTED[r.field] && r.wire === BYTES) r.fail(`${UNSUPPORTED[r.field]}-compressed blobs are not supported (expected zlib or raw; recompress with osmium cat -f pbf)`);
    else r.skip();
  }
  if (raw) return raw;
  if (!zlib) r.fail('Blob without data (expected raw or zlib_data)', start);
  if (rawSize < 0) r.fail('zlib Blob without a raw_size (needed to bound the inflated size)', start);
  if (rawSize > MAX_BLOB_BYTES) r.fail(`raw_size ${rawSize} bytes; expected 0 to ${MAX_BLOB_BYTES} (32 MiB, the format's limit)`, start);
  let out: Uint8Array;
  try {
    out = inflateSync(zlib, { maxOutputLength: Math.max(1, rawSize) });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    r.fail(e.code === 'ERR_BUFFER_TOO_LARGE' ? `zlib data inflates to more than its raw_size of ${rawSize} bytes` : `zlib data is corrupt (${e.message})`, start);
  }
  if (out.length !== rawSize) r.fail(`zlib data inflates to ${out.length} bytes, but raw_size says ${rawSize}: truncated or corrupt`, start);
  return out;
}

/**
 * Splits an OSM PBF file into its blocks (4-byte big-endian BlobHeader length, BlobHeader, Blob)
 * and decompresses each. Every length is checked against the format's limits and the bytes left
 * before anything is allocated, so a truncated or corrupted file throws naming the block and the
 * byte offset; each block advances past the last, so the loop ends.
 */
export function* osmPbfBlocks(bytes: Uint8Array): Generator<OsmPbfBlock> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 0, index = 1; pos < bytes.length; index++) {
    const where = `block ${index} at byte ${pos}`;
    const left = bytes.length - pos;
    if (left < 4) throw new Error(`${where}: truncated: ${left} byte(s) where a 4-byte BlobHeader length was expected`);
    const headerLen = view.getUint32(pos, false);
    if (headerLen > MAX_BLOB_HEADER_BYTES) throw new Error(`${where}: BlobHeader length ${headerLen} bytes; expected at most ${MAX_BLOB_HEADER_BYTES} (not an OSM PBF file, or corrupt)`);
    if (headerLen > left - 4) throw new Error(`${where}: truncated: the BlobHeader needs ${headerLen} bytes, ${left - 4} remain`);
    const { type, datasize } = blobHeader(bytes, pos + 4, pos + 4 + headerLen, where);
    const start = pos + 4 + headerLen;
    if (datasize > bytes.length - start) throw new Error(`${where} (${type}): truncated: the Blob needs ${datasize} bytes, ${bytes.length - start} remain`);
    const named = `${where} (${type})`;
    yield { index, offset: pos, type, data: blobData(bytes, start, start + datasize, named), where: named };
    pos = start + datasize;
  }
}
