import { backwardCsr, travelTimes } from './buildRoadGraph';
import type { RoadGraph, RoadLineInfo } from './RoadGraph';

/**
 * `network.bin`, one little-endian file:
 *
 *   header (64 bytes): magic "RCNW", u32 version, u32 nodeCount, u32 arcCount, u32 metaBytes, 0-padding
 *   then, each section starting on an 8-byte boundary:
 *   f64 nodeLonLatDeg[2n] | u32 arcOffsets[n+1] | u32 arcTo[m] | f32 arcLengthM[m] | f32 arcSpeedMps[m]
 *   | u32 arcLine[m] | u8 arcRoadClass[m] | u8 arcOneway[m] | UTF-8 JSON meta { lines, roadClassNames }
 *
 * The backward CSR, arcFrom and travel times are derived on decode (O(m)), so the file holds each
 * fact once. Decoding makes typed-array views on the buffer itself (no copy when it is aligned).
 */
export const NETWORK_MAGIC = 0x574e4352; // "RCNW" read as a little-endian u32
export const NETWORK_VERSION = 1;
const HEADER_BYTES = 64;

const align8 = (n: number) => (n + 7) & ~7;

interface Section { bytes: number }

function sectionSizes(n: number, m: number, metaBytes: number): Section[] {
  return [8 * 2 * n, 4 * (n + 1), 4 * m, 4 * m, 4 * m, 4 * m, m, m, metaBytes].map((bytes) => ({ bytes }));
}

/** Serialises a graph into one `network.bin` buffer. */
export function encodeRoadGraph(g: RoadGraph): Uint8Array {
  const meta = new TextEncoder().encode(JSON.stringify({ lines: g.lines, roadClassNames: g.roadClassNames }));
  const sizes = sectionSizes(g.nodeCount, g.arcCount, meta.length);
  const total = sizes.reduce((off, s) => align8(off) + s.bytes, HEADER_BYTES);
  const out = new Uint8Array(align8(total));
  const head = new DataView(out.buffer);
  head.setUint32(0, NETWORK_MAGIC, true);
  head.setUint32(4, NETWORK_VERSION, true);
  head.setUint32(8, g.nodeCount, true);
  head.setUint32(12, g.arcCount, true);
  head.setUint32(16, meta.length, true);
  const parts: ArrayBufferView[] = [
    g.nodeLonLatDeg, g.arcOffsets, g.arcTo, g.arcLengthM, g.arcSpeedMps, g.arcLine, g.arcRoadClass, g.arcOneway, meta,
  ];
  let off = HEADER_BYTES;
  parts.forEach((p, i) => {
    off = align8(off);
    out.set(new Uint8Array(p.buffer, p.byteOffset, sizes[i].bytes), off);
    off += sizes[i].bytes;
  });
  return out;
}

/**
 * Reads a `network.bin` buffer back into a RoadGraph. `source` names the file in errors.
 * Throws when the magic, version or sizes do not match.
 */
export function decodeRoadGraph(data: ArrayBuffer | Uint8Array, source = 'network.bin'): RoadGraph {
  let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  if (bytes.byteLength < HEADER_BYTES) throw new Error(`${source}: expected a ${HEADER_BYTES}-byte header, got ${bytes.byteLength} bytes`);
  const head = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const magic = head.getUint32(0, true);
  if (magic !== NETWORK_MAGIC) throw new Error(`${source}: expected magic "RCNW" (a road network), got 0x${magic.toString(16)}`);
  const version = head.getUint32(4, true);
  if (version !== NETWORK_VERSION) throw new Error(`${source}: expected version ${NETWORK_VERSION}, got ${version}; rebuild it with \`npm run tiles\``);
  const n = head.getUint32(8, true), m = head.getUint32(12, true), metaBytes = head.getUint32(16, true);
  const sizes = sectionSizes(n, m, metaBytes);
  const need = sizes.reduce((off, s) => align8(off) + s.bytes, HEADER_BYTES);
  if (bytes.byteLength < need) throw new Error(`${source}: truncated: ${n} nodes and ${m} arcs need ${need} bytes, got ${bytes.byteLength}`);
  const offsets: number[] = [];
  sizes.reduce((off, s) => { offsets.push(align8(off)); return align8(off) + s.bytes; }, HEADER_BYTES);
  const base = bytes.byteOffset, buf = bytes.buffer;
  const arcOffsets = new Uint32Array(buf, base + offsets[1], n + 1);
  const arcTo = new Uint32Array(buf, base + offsets[2], m);
  const arcLengthM = new Float32Array(buf, base + offsets[3], m);
  const arcSpeedMps = new Float32Array(buf, base + offsets[4], m);
  const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(offsets[8], offsets[8] + metaBytes))) as {
    lines: RoadLineInfo[]; roadClassNames: string[];
  };
  if (arcOffsets[n] !== m) throw new Error(`${source}: corrupt: arcOffsets[${n}] should be ${m}, got ${arcOffsets[n]}`);
  for (let a = 0; a < m; a++) if (arcTo[a] >= n) throw new Error(`${source}: corrupt: arc ${a} points to node ${arcTo[a]} of ${n}`);
  const arcFrom = new Uint32Array(m);
  for (let v = 0; v < n; v++) arcFrom.fill(v, arcOffsets[v], arcOffsets[v + 1]);
  return {
    nodeCount: n, arcCount: m,
    nodeLonLatDeg: new Float64Array(buf, base + offsets[0], 2 * n),
    arcOffsets, arcFrom, arcTo, arcLengthM, arcSpeedMps,
    arcLine: new Uint32Array(buf, base + offsets[5], m),
    arcRoadClass: new Uint8Array(buf, base + offsets[6], m),
    arcOneway: new Uint8Array(buf, base + offsets[7], m),
    ...backwardCsr(n, arcTo),
    arcTimeS: travelTimes(arcLengthM, arcSpeedMps),
    lines: meta.lines, roadClassNames: meta.roadClassNames,
  };
}
