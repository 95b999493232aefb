import { crc32 } from '../../src/binary/crc32';
import { HEADER, layoutOf, sectionsOf } from '../../src/route/networkFormat';

/** One damage: XOR the byte at `offset` with `xor` (1..255). */
export interface ByteFlip {
  offset: number;
  xor: number;
}

/** `count` seeded byte flips over a file of `length` bytes (Park-Miller, so runs repeat). */
export function randomFlips(count: number, length: number, seed: number): ByteFlip[] {
  let s = seed % 2147483647 || 1;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: count }, () => ({ offset: Math.floor(next() * length), xor: 1 + Math.floor(next() * 255) }));
}

/**
 * A copy of `bytes` with the flip applied; with `rechecksum`, the network.bin CRC rewritten to
 * match, as a buggy writer or a deliberate forgery would leave it (so the value checks alone are tried).
 */
export function applyFlip(bytes: Uint8Array, flip: ByteFlip, rechecksum: boolean): Uint8Array {
  const out = bytes.slice();
  out[flip.offset] ^= flip.xor;
  if (rechecksum && out.length >= 64) {
    const crc = crc32(out.subarray(HEADER.crc + 4), crc32(out.subarray(0, HEADER.crc)));
    new DataView(out.buffer).setUint32(HEADER.crc, crc, true);
  }
  return out;
}

/**
 * A copy of a network.bin with element `index` of `section` (see sectionsOf) rewritten by `write`
 * and the checksum made to match, as a forged file would be.
 */
export function forgeValue(bytes: Uint8Array, section: string, index: number, write: (view: DataView, at: number) => void): Uint8Array {
  const head = new DataView(bytes.buffer, bytes.byteOffset);
  const flags = head.getUint32(HEADER.flags, true);
  const counts = {
    nodes: head.getUint32(HEADER.nodes, true), arcs: head.getUint32(HEADER.arcs, true), metaBytes: head.getUint32(HEADER.metaBytes, true),
    hierarchy: flags & 1 ? { up: head.getUint32(HEADER.upEdges, true), down: head.getUint32(HEADER.downEdges, true) } : null,
  };
  const sections = sectionsOf(counts), { offsets } = layoutOf(sections);
  const k = sections.findIndex((s) => s.name === section);
  const out = bytes.slice();
  write(new DataView(out.buffer), offsets[k] + index * sections[k].type.BYTES_PER_ELEMENT);
  return applyFlip(out, { offset: 0, xor: 0 }, true);
}
