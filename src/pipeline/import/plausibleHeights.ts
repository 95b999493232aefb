import type { SourceRaster } from './SourceRaster';

/** Lowest plausible ground height (m): below the Dead Sea shore (-430 m) with a margin. */
export const MIN_GROUND_M = -500;
/** Highest plausible ground height (m): above Everest (8,849 m) with a margin. */
export const MAX_GROUND_M = 9000;
/** Largest raster read (samples): 10,000 x 10,000, 400 MB as float32; an SRTM 1" tile is 13 M. */
export const MAX_DEM_SAMPLES = 100_000_000;

/**
 * Marks heights no ground has (outside [-500, 9000] m: undeclared no-data such as ±3.4e38, a
 * unit error) as no-data, and counts them in `implausibleCount` so the import reports them. Throws
 * naming the file when no sample is plausible (not a DEM in meters).
 */
export function plausibleHeights(raster: SourceRaster, source: string): SourceRaster {
  let implausible = 0, valid = 0, example = NaN;
  const v = raster.values;
  for (let i = 0; i < v.length; i++) {
    const h = v[i];
    if (Number.isNaN(h)) continue;
    if (h < MIN_GROUND_M || h > MAX_GROUND_M) {
      if (implausible === 0) example = h;
      implausible++;
      v[i] = NaN;
    } else valid++;
  }
  if (valid === 0 && implausible > 0) {
    throw new Error(`${source}: none of its ${v.length} heights is plausible ground (${implausible} outside ${MIN_GROUND_M} to ${MAX_GROUND_M} m, e.g. ${example}); expected a DEM in meters`);
  }
  return { ...raster, noDataCount: raster.noDataCount + implausible, implausibleCount: implausible, implausibleExample: example };
}
