import { fromArrayBuffer } from 'geotiff';
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
 * Throws naming the file for rotated or ungeoreferenced rasters.
 */
export async function readGeoTiff(bytes: Uint8Array, source: string): Promise<SourceRaster> {
  let image;
  try {
    const copy = bytes.slice().buffer as ArrayBuffer;
    image = await (await fromArrayBuffer(copy)).getImage(0);
  } catch (err) {
    throw new Error(`${source}: not a readable GeoTIFF (${(err as Error).message})`);
  }
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
  const raster = (await image.readRasters({ samples: [0], interleave: true })) as unknown as ArrayLike<number>;
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
