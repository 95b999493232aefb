import type { LocalFrame } from '../../geo/LocalFrame';
import type { RasterGrid } from '../../sim/core/RasterGrid';
import { maskToPolygons } from '../../sim/plume/maskToPolygons';
import { zoneGeoJson } from '../../sim/plume/zoneGeoJson';
import type { Feature } from './GeoJson';

/**
 * The cells of a raster mask as one lon/lat MultiPolygon feature (cell-edge outlines with holes),
 * or null when the mask is empty. Reuses the plume module's outliner, which works on any raster.
 */
export function maskFeature(grid: RasterGrid, mask: Uint8Array, frame: LocalFrame, properties: Feature['properties']): Feature | null {
  const polygons = maskToPolygons(grid, mask);
  if (polygons.length === 0) return null;
  return zoneGeoJson(polygons, frame, properties) as Feature;
}

/** Mask of the cells where values[k] > threshold (into `out`, reused across frames). */
export function thresholdMask(values: ArrayLike<number>, threshold: number, out: Uint8Array): Uint8Array {
  for (let k = 0; k < out.length; k++) out[k] = values[k] > threshold ? 1 : 0;
  return out;
}
