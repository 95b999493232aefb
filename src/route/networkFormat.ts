/**
 * The layout of `network.bin`, one little-endian file:
 *
 *   header (64 bytes): u32 fields at the byte offsets in HEADER, the rest zero
 *   then, each section starting on an 8-byte boundary:
 *   f64 nodeLonLatDeg[2n] | u32 arcOffsets[n+1] | u32 arcTo[m] | f32 arcLengthM[m] | f32 arcSpeedMps[m]
 *   | u32 arcLine[m] | u8 arcRoadClass[m] | u8 arcOneway[m] | UTF-8 JSON meta
 *   and, when the hierarchy flag is set (version 2), the contraction hierarchy built for these arcs:
 *   u32 rank[n] | u32 upOffsets[n+1] | u32 upTo[U] | f64 upWeightS[U] | i32 upCode[U]
 *   | u32 downOffsets[n+1] | u32 downFrom[D] | f64 downWeightS[D] | i32 downCode[D]
 *
 * The file ends at the last section rounded up to 8 bytes. Version 2 stores a CRC-32 of every byte
 * of the file but its own 4; version 1 files (no checksum, no hierarchy) are still read.
 */
export const NETWORK_MAGIC = 0x574e4352; // "RCNW" read as a little-endian u32
export const NETWORK_VERSION = 2;
export const HEADER_BYTES = 64;

/** Byte offsets of the header's u32 fields. */
export const HEADER = { magic: 0, version: 4, nodes: 8, arcs: 12, metaBytes: 16, crc: 20, flags: 24, upEdges: 28, downEdges: 32 } as const;
/** Bit of HEADER.flags set when the file holds a contraction hierarchy. */
export const FLAG_HIERARCHY = 1;

type ArrayCtor = Float64ArrayConstructor | Float32ArrayConstructor | Uint32ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;

/** One section: the name of the array it holds, its element type and its length. */
export interface Section {
  name: string;
  type: ArrayCtor;
  length: number;
}

/** Counts the header declares. */
export interface NetworkCounts {
  nodes: number;
  arcs: number;
  metaBytes: number;
  /** Hierarchy edge counts, or null when the file has no hierarchy. */
  hierarchy: { up: number; down: number } | null;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** The sections of a file with these counts, in file order. */
export function sectionsOf(c: NetworkCounts): Section[] {
  const n = c.nodes, m = c.arcs;
  const s: Section[] = [
    { name: 'nodeLonLatDeg', type: Float64Array, length: 2 * n }, { name: 'arcOffsets', type: Uint32Array, length: n + 1 },
    { name: 'arcTo', type: Uint32Array, length: m }, { name: 'arcLengthM', type: Float32Array, length: m },
    { name: 'arcSpeedMps', type: Float32Array, length: m }, { name: 'arcLine', type: Uint32Array, length: m },
    { name: 'arcRoadClass', type: Uint8Array, length: m }, { name: 'arcOneway', type: Uint8Array, length: m },
    { name: 'meta', type: Uint8Array, length: c.metaBytes },
  ];
  if (c.hierarchy) {
    const { up, down } = c.hierarchy;
    s.push(
      { name: 'rank', type: Uint32Array, length: n }, { name: 'upOffsets', type: Uint32Array, length: n + 1 },
      { name: 'upTo', type: Uint32Array, length: up }, { name: 'upWeightS', type: Float64Array, length: up },
      { name: 'upCode', type: Int32Array, length: up }, { name: 'downOffsets', type: Uint32Array, length: n + 1 },
      { name: 'downFrom', type: Uint32Array, length: down }, { name: 'downWeightS', type: Float64Array, length: down },
      { name: 'downCode', type: Int32Array, length: down },
    );
  }
  return s;
}

/** Byte offset of each section, and the file's total size (bytes). */
export function layoutOf(sections: Section[]): { offsets: number[]; totalBytes: number } {
  const offsets: number[] = [];
  let off = HEADER_BYTES;
  for (const s of sections) {
    offsets.push(off);
    off = align8(off + s.length * s.type.BYTES_PER_ELEMENT);
  }
  return { offsets, totalBytes: off };
}
