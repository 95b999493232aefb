import { fromArrayBuffer } from 'geotiff';
import { MAX_DEM_SAMPLES } from './plausibleHeights';
import type { SourceRaster } from './SourceRaster';

/** GeoKey value meaning "user-defined" (no EPSG code). */
const USER_DEFINED = 32767;

function crsFromGeoKeys(keys: Record<string, unknown> | null): string | undefined {
  const projected = Number(keys?.ProjectedCSTypeGeoKey);
  if (Number.isInteger(projected) && projected > 0 && projected !== USER_DEFINED) return `EPSG:${projected}`;
  const geographic = Number(keys?.GeographicTypeGeoKey);
  if (Number.isInteger(geographic) && geographic > 0 && geographic !== USER_DEFINED) return `EPSG:${geographic}`;
  return undefined;
}

/**
 * Reads the first band of a single-image GeoTIFF DEM (any sample type) with the `geotiff`
 * package: north-up affine georeferencing (tie point + pixel scale, or an unrotated
 * ModelTransformation), GDAL_NODATA and non-finite samples as NaN, and the EPSG code of its
 * GeoKeys. Pixel-is-area rasters are shifted half a pixel so positions are sample centres.
 * Throws naming the file for rotated, ungeoreferenced, oversized, truncated or corrupt rasters
 * (the geotiff package's own errors, such as a DataView offset out of bounds, are wrapped so).
 */
export async function readGeoTiff(bytes: Uint8Array, source: string): Promise<SourceRaster> {
  try {
    return await readChecked(bytes, source);
  } catch (err) {
    const message = (err as Error).message;
    if (message.startsWith(`${source}: `)) throw err;
    throw new Error(`${source}: not a readable GeoTIFF: truncated or corrupt (${message})`);
  }
}

async function readChecked(bytes: Uint8Array, source: string): Promise<SourceRaster> {
  const image = await (await fromArrayBuffer(bytes.slice().buffer as ArrayBuffer)).getImage(0);
  const transform = image.fileDirectory.getValue('ModelTransformation') as number[] | undefined;
  if (transform && (transform[1] !== 0 || transform[4] !== 0)) {
    throw new Error(`${source}: rotated rasters (ModelTransformation with shear terms) are not supported; warp it north-up first`);
  }
  let origin: number[], res: number[];
  try {
    origin = image.getOrigin();
    res = image.getResolution();
  } catch {
    throw new Error(`${source}: GeoTIFF has no georeferencing (expected ModelTiepoint + ModelPixelScale or ModelTransformation)`);
  }
  const tie = image.fileDirectory.getValue('ModelTiepoint') as number[] | undefined;
  const [i0, j0] = tie && tie.length >= 6 ? [tie[0], tie[1]] : [0, 0];
  const keys = image.getGeoKeys();
  const half = keys?.GTRasterTypeGeoKey === 2 ? 0 : 0.5; // PixelIsPoint = 2; default and 1 = PixelIsArea
  const width = image.getWidth(), height = image.getHeight();
  if (!(width >= 2 && height >= 2 && width * height <= MAX_DEM_SAMPLES)) {
    throw new Error(`${source}: ${width} x ${height} samples; expected at least 2 x 2 and at most ${MAX_DEM_SAMPLES} samples (crop or resample the DEM first)`);
  }
  if (![...origin, ...res].every(Number.isFinite) || res[0] === 0 || res[1] === 0) {
    throw new Error(`${source}: georeferencing gives origin ${origin} and pixel size ${res}; expected finite numbers and a non-zero pixel size`);
  }
  let raster: ArrayLike<number>;
  try {
    raster = (await image.readRasters({ samples: [0], interleave: true })) as unknown as ArrayLike<number>;
  } catch (err) {
    throw new Error(`${source}: cannot read the ${width} x ${height} samples (${(err as Error).message}): truncated or corrupt GeoTIFF`);
  }
  if (raster.length < width * height) throw new Error(`${source}: ${raster.length} samples decoded, ${width} x ${height} expected: truncated or corrupt GeoTIFF`);
  const noData = image.getGDALNoData();
  const values = new Float32Array(width * height);
  let noDataCount = 0;
  for (let i = 0; i < values.length; i++) {
    const v = raster[i];
    if (!Number.isFinite(v) || (noData !== null && v === noData)) { values[i] = NaN; noDataCount++; } else values[i] = v;
  }
  return {
    width, height, values, noDataCount, crsId: crsFromGeoKeys(keys),
    dx: res[0], dy: res[1],
    x0: origin[0] + (half - i0) * res[0], y0: origin[1] + (half - j0) * res[1],
  };
}
