/**
 * An elevation raster as read from a file, before resampling into a city frame. Sample (col, row)
 * lies at (x0 + col * dx, y0 + row * dy) in the raster's CRS (sample centres; dy < 0 for
 * north-up rasters). Heights in meters as the source gives them; NaN marks no-data.
 */
export interface SourceRaster {
  width: number;
  height: number;
  values: Float32Array;
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  /** CRS the file declares (GeoTIFF GeoKeys, SRTM tile = EPSG:4326); undefined when it says none. */
  crsId?: string;
  /** Count of no-data samples in `values` (implausible heights included). */
  noDataCount: number;
  /** Samples outside plausible ground heights, made no-data (see plausibleHeights), and one of them (m). */
  implausibleCount?: number;
  implausibleExample?: number;
}
