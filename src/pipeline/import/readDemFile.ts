import { readFile } from 'node:fs/promises';
import { readGeoTiff } from './readGeoTiff';
import { plausibleHeights } from './plausibleHeights';
import { readHgt } from './readHgt';
import type { SourceRaster } from './SourceRaster';
import { unzipSingleFile } from './unzipSingleFile';

async function readBytes(bytes: Uint8Array, name: string, source: string): Promise<SourceRaster> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.hgt')) return plausibleHeights(readHgt(bytes, name, source), source);
  if (lower.endsWith('.tif') || lower.endsWith('.tiff')) return plausibleHeights(await readGeoTiff(bytes, source), source);
  throw new Error(`${source}: unknown DEM format "${name}"; expected .tif/.tiff (GeoTIFF), .hgt (SRTM) or a .zip holding one`);
}

/**
 * Reads a DEM file: GeoTIFF (.tif, .tiff), SRTM (.hgt) or a ZIP holding one of them (e.g.
 * N43E007.hgt.zip). Heights no ground has become no-data (counted in `implausibleCount`). Throws
 * naming the file when it is absent, in another format, truncated or corrupt.
 */
export async function readDemFile(path: string): Promise<SourceRaster> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    throw new Error(`${path}: cannot read the DEM file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (path.toLowerCase().endsWith('.zip')) {
    const inner = unzipSingleFile(bytes, path, path.toLowerCase().includes('.tif') ? '.tif' : '.hgt');
    return readBytes(inner.data, inner.name.split('/').pop() ?? inner.name, `${path}!${inner.name}`);
  }
  return readBytes(bytes, path.split(/[/\\]/).pop() ?? path, path);
}
