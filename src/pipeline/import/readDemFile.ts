import { readFile } from 'node:fs/promises';
import { readGeoTiff } from './readGeoTiff';
import { readHgt } from './readHgt';
import type { SourceRaster } from './SourceRaster';
import { unzipSingleFile } from './unzipSingleFile';

function readBytes(bytes: Uint8Array, name: string, source: string): Promise<SourceRaster> | SourceRaster {
  const lower = name.toLowerCase();
  if (lower.endsWith('.hgt')) return readHgt(bytes, name);
  if (lower.endsWith('.tif') || lower.endsWith('.tiff')) return readGeoTiff(bytes, source);
  throw new Error(`${source}: unknown DEM format "${name}"; expected .tif/.tiff (GeoTIFF), .hgt (SRTM) or a .zip holding one`);
}

/**
 * Reads a DEM file: GeoTIFF (.tif, .tiff), SRTM (.hgt) or a ZIP holding one of them (e.g.
 * N43E007.hgt.zip). Throws naming the file when it is absent or in another format.
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
