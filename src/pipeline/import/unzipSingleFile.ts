import { inflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';

/** Largest entry this reader inflates (bytes): a DEM tile is far smaller (SRTM 1": 26 MB). */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

interface Entry { name: string; method: number; flags: number; crc: number; packed: number; size: number; local: number }

function endOfCentralDirectory(zip: Uint8Array, source: string): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (u32(zip, i) === 0x06054b50) return i;
  }
  throw new Error(`${source}: not a ZIP archive (no end-of-central-directory record in the last 64 KB; truncated?)`);
}

/** The central directory's entries, each checked to lie inside the archive. */
function centralDirectory(zip: Uint8Array, source: string): Entry[] {
  const eocd = endOfCentralDirectory(zip, source);
  const count = u16(zip, eocd + 10), cdStart = u32(zip, eocd + 16);
  if (cdStart > eocd) throw new Error(`${source}: corrupt ZIP: the central directory offset ${cdStart} is past its end record at byte ${eocd}`);
  const found: Entry[] = [];
  for (let k = 0, p = cdStart; k < count; k++) {
    if (p + 46 > eocd || u32(zip, p) !== 0x02014b50) throw new Error(`${source}: corrupt ZIP central directory at byte ${p} (entry ${k + 1} of ${count})`);
    const nameLen = u16(zip, p + 28), extraLen = u16(zip, p + 30), commentLen = u16(zip, p + 32);
    if (p + 46 + nameLen > eocd) throw new Error(`${source}: corrupt ZIP central directory at byte ${p}: the name runs past the directory`);
    found.push({
      name: new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen)), flags: u16(zip, p + 8), method: u16(zip, p + 10),
      crc: u32(zip, p + 16), packed: u32(zip, p + 20), size: u32(zip, p + 24), local: u32(zip, p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return found;
}

/** Inflates one entry to exactly its declared size (bounded before inflating) and checks its CRC-32. */
function extract(zip: Uint8Array, e: Entry, source: string): Uint8Array {
  const where = `${source}: entry ${e.name}`;
  if (e.flags & 1) throw new Error(`${where} is encrypted`);
  if (e.size === 0xffffffff || e.packed === 0xffffffff || e.local === 0xffffffff) throw new Error(`${where} needs ZIP64, which is not supported`);
  if (e.size > MAX_UNZIPPED_BYTES) throw new Error(`${where}: ${e.size} bytes uncompressed; at most ${MAX_UNZIPPED_BYTES} (512 MiB) are read`);
  if (e.local + 30 > zip.length || u32(zip, e.local) !== 0x04034b50) throw new Error(`${where}: corrupt local header at byte ${e.local}`);
  const start = e.local + 30 + u16(zip, e.local + 26) + u16(zip, e.local + 28);
  if (start + e.packed > zip.length) throw new Error(`${where}: its ${e.packed} compressed bytes at byte ${start} run past the end of the archive (${zip.length} bytes): truncated`);
  const raw = zip.subarray(start, start + e.packed);
  let data: Uint8Array;
  if (e.method === 0) data = raw;
  else if (e.method === 8) {
    try {
      data = new Uint8Array(inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) }));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new Error(`${where}: ${code === 'ERR_BUFFER_TOO_LARGE' ? `inflates to more than its declared ${e.size} bytes` : `corrupt deflate data (${(err as Error).message})`}`);
    }
  } else throw new Error(`${where} uses compression method ${e.method}; expected 0 (stored) or 8 (deflate)`);
  if (data.length !== e.size) throw new Error(`${where}: ${data.length} bytes after inflating, the directory says ${e.size}: truncated or corrupt`);
  if (crc32(data) !== e.crc) throw new Error(`${where}: CRC-32 mismatch (corrupt archive)`);
  return data;
}

/**
 * The contents of one entry of a ZIP archive (the first whose name ends with `suffix`, else the
 * first), read from the central directory and inflated with node's zlib; stored and deflated
 * entries are supported. Every offset is checked against the archive, the inflated size is bounded
 * by the declared one (so a zip bomb stops at it) and the CRC-32 is checked. Throws naming
 * `source`, the entry and the byte for anything else (truncation, corruption, ZIP64, encryption).
 */
export function unzipSingleFile(zip: Uint8Array, source: string, suffix = ''): { name: string; data: Uint8Array } {
  const found = centralDirectory(zip, source);
  const e = found.find((f) => f.name.toLowerCase().endsWith(suffix.toLowerCase())) ?? found[0];
  if (!e) throw new Error(`${source}: empty ZIP archive`);
  return { name: e.name, data: extract(zip, e, source) };
}
