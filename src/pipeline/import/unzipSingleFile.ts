import { inflateRawSync } from 'node:zlib';

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/**
 * The contents of one entry of a ZIP archive (the first whose name ends with `suffix`, else the
 * first), read from the central directory and inflated with node's zlib; stored and deflated
 * entries are supported. Throws naming `source` for anything else (ZIP64, encryption, other methods).
 */
export function unzipSingleFile(zip: Uint8Array, source: string, suffix = ''): { name: string; data: Uint8Array } {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (u32(zip, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${source}: not a ZIP archive (no end-of-central-directory record)`);
  const entries = u16(zip, eocd + 10);
  let p = u32(zip, eocd + 16);
  const found: Array<{ name: string; method: number; size: number; flags: number; local: number }> = [];
  for (let k = 0; k < entries; k++) {
    if (u32(zip, p) !== 0x02014b50) throw new Error(`${source}: corrupt ZIP central directory at byte ${p}`);
    const nameLen = u16(zip, p + 28), extraLen = u16(zip, p + 30), commentLen = u16(zip, p + 32);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen));
    found.push({ name, flags: u16(zip, p + 8), method: u16(zip, p + 10), size: u32(zip, p + 20), local: u32(zip, p + 42) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const e = found.find((f) => f.name.toLowerCase().endsWith(suffix.toLowerCase())) ?? found[0];
  if (!e) throw new Error(`${source}: empty ZIP archive`);
  if (e.flags & 1) throw new Error(`${source}: entry ${e.name} is encrypted`);
  if (e.size === 0xffffffff) throw new Error(`${source}: entry ${e.name} needs ZIP64, which is not supported`);
  if (u32(zip, e.local) !== 0x04034b50) throw new Error(`${source}: corrupt local header of ${e.name}`);
  const start = e.local + 30 + u16(zip, e.local + 26) + u16(zip, e.local + 28);
  const raw = zip.subarray(start, start + e.size);
  if (e.method === 0) return { name: e.name, data: raw };
  if (e.method !== 8) throw new Error(`${source}: entry ${e.name} uses compression method ${e.method}; expected 0 (stored) or 8 (deflate)`);
  return { name: e.name, data: new Uint8Array(inflateRawSync(raw)) };
}
