import type { SourceRaster } from './SourceRaster';

/** SRTM void marker. */
const VOID = -32768;

/**
 * Reads an SRTM .hgt tile (big-endian int16, square 1201 or 3601 samples, row 0 north) named
 * after its south-west corner (N43E007, S12W077). Samples sit on whole arc-second multiples, so the
 * north-west sample is at (lon, lat + 1). Voids (-32768) become NaN. Throws naming `source` (the
 * file, or archive!entry).
 */
export function readHgt(bytes: Uint8Array, name: string, source = name): SourceRaster {
  const m = /([NS])(\d{1,2})([EW])(\d{1,3})[^/\\]*\.hgt$/i.exec(name);
  if (!m) throw new Error(`${source}: an SRTM tile name like N43E007.hgt is needed to place it (got "${name}")`);
  const lat = Number(m[2]) * (m[1].toUpperCase() === 'S' ? -1 : 1);
  const lon = Number(m[4]) * (m[3].toUpperCase() === 'W' ? -1 : 1);
  const n = Math.round(Math.sqrt(bytes.length / 2));
  if (n * n * 2 !== bytes.length || n < 2) {
    throw new Error(`${source}: ${bytes.length} bytes is not a square grid of int16 samples (expected 1201² or 3601² x 2 bytes)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float32Array(n * n);
  let noDataCount = 0;
  for (let i = 0; i < n * n; i++) {
    const v = view.getInt16(i * 2, false);
    if (v === VOID) { values[i] = NaN; noDataCount++; } else values[i] = v;
  }
  const step = 1 / (n - 1);
  return { width: n, height: n, values, x0: lon, y0: lat + 1, dx: step, dy: -step, crsId: 'EPSG:4326', noDataCount };
}
