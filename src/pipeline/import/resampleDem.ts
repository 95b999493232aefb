import { resolveCrs } from '../../geo/crs/resolveCrs';
import { DemGrid } from '../../geo/DemGrid';
import type { LocalFrame } from '../../geo/LocalFrame';
import { fillNoData } from './fillNoData';
import type { ImportReport } from './ImportReport';
import type { SourceRaster } from './SourceRaster';

/** Plane rectangle (m) in a LocalFrame. */
export interface PlaneExtent { xMinM: number; yMinM: number; xMaxM: number; yMaxM: number }

/** Most nodes along one side of a resampled DEM; a finer request is coarsened (and said so). */
export const MAX_DEM_NODES_PER_SIDE = 2049;

/** The raster's sample spacing in meters near the frame origin (the finer of its two axes). */
export function nativeCellSizeM(raster: SourceRaster, crsId: string, frame: LocalFrame): number {
  const crs = resolveCrs(crsId);
  if (crs.unit === 'metre') return Math.min(Math.abs(raster.dx), Math.abs(raster.dy));
  const mPerDegLat = 111320, mPerDegLon = 111320 * Math.cos((frame.originLatDeg * Math.PI) / 180);
  return Math.min(Math.abs(raster.dx) * mPerDegLon, Math.abs(raster.dy) * mPerDegLat);
}

/** Scratch accumulator of the bilinear sampler (no per-sample allocation). */
const acc = { sum: 0, weight: 0 };
function accumulate(h: number, k: number): void {
  if (!Number.isNaN(h) && k > 0) { acc.sum += h * k; acc.weight += k; }
}

/** Bilinear sample at fractional (col, row) over valid neighbours only; NaN outside or all void. */
function sampleAt(r: SourceRaster, col: number, row: number): number {
  if (col < -0.5 || row < -0.5 || col > r.width - 0.5 || row > r.height - 0.5) return Infinity; // outside marker
  const c = Math.min(Math.max(col, 0), r.width - 1), w = Math.min(Math.max(row, 0), r.height - 1);
  const i = Math.min(Math.floor(c), r.width - 2), j = Math.min(Math.floor(w), r.height - 2);
  const tx = c - i, ty = w - j;
  const v = r.values, W = r.width;
  acc.sum = 0; acc.weight = 0;
  accumulate(v[j * W + i], (1 - tx) * (1 - ty));
  accumulate(v[j * W + i + 1], tx * (1 - ty));
  accumulate(v[(j + 1) * W + i], (1 - tx) * ty);
  accumulate(v[(j + 1) * W + i + 1], tx * ty);
  return acc.weight > 0 ? acc.sum / acc.weight : NaN;
}

/**
 * Resamples a source raster (in `crsId`) onto a node-registered grid in the city frame covering
 * `extent` at `cellSizeM` (bilinear, no-data aware), adds `heightOffsetM` (e.g. the geoid
 * undulation to turn orthometric into ellipsoidal heights), then fills no-data nodes and nodes
 * beyond the raster from their neighbours. Each fill is reported with its count; a raster that
 * covers none of the extent gives a flat 0 m grid and a report entry.
 */
export function resampleDem(raster: SourceRaster, crsId: string, frame: LocalFrame, extent: PlaneExtent, cellSizeM: number, source: string, report: ImportReport, heightOffsetM = 0): DemGrid {
  let cell = cellSizeM;
  const side = Math.max(extent.xMaxM - extent.xMinM, extent.yMaxM - extent.yMinM);
  if (side / cell + 1 > MAX_DEM_NODES_PER_SIDE) {
    cell = Math.ceil((side / (MAX_DEM_NODES_PER_SIDE - 1)) * 100) / 100;
    report.add({ code: 'dem-coarsened', action: 'note', source, message: `cell size ${cellSizeM} m would need more than ${MAX_DEM_NODES_PER_SIDE} nodes per side; resampled at ${cell} m` });
  }
  const width = Math.floor((extent.xMaxM - extent.xMinM) / cell) + 2, height = Math.floor((extent.yMaxM - extent.yMinM) / cell) + 2;
  const heights = new Float32Array(width * height);
  const crs = resolveCrs(crsId);
  const xy = [0, 0];
  let outside = 0, voids = 0;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const [lon, lat] = frame.toLonLat(extent.xMinM + i * cell, extent.yMinM + j * cell);
      crs.fromLonLat(lon, lat, xy);
      let h = sampleAt(raster, (xy[0] - raster.x0) / raster.dx, (xy[1] - raster.y0) / raster.dy);
      if (h === Infinity) { outside++; h = NaN; } else if (Number.isNaN(h)) voids++;
      heights[j * width + i] = h + heightOffsetM;
    }
  }
  const header = { originLonDeg: frame.originLonDeg, originLatDeg: frame.originLatDeg, xMinM: extent.xMinM, yMinM: extent.yMinM, cellSizeM: cell, width, height };
  if (outside + voids === heights.length) {
    report.add({ code: 'dem-no-coverage', action: 'skipped', source, message: `the DEM (${crsId}) covers none of the ${width}x${height} grid around the buildings (wrong CRS or wrong tile?); flat 0 m DEM used` });
    return new DemGrid(header, heights.fill(0));
  }
  fillNoData(heights, width, height);
  if (voids) report.add({ code: 'dem-nodata', action: 'filled', source, count: voids, message: `${voids} of ${heights.length} DEM nodes fell on no-data cells; filled from neighbours` });
  if (outside) report.add({ code: 'dem-outside', action: 'filled', source, count: outside, message: `${outside} of ${heights.length} DEM nodes lie beyond the raster; filled from the nearest covered nodes` });
  return new DemGrid(header, heights);
}
