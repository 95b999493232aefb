import type { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { plumeGrid, type PlumeGrid } from './PlumeGrid';
import { rasterizeFootprints } from './rasterizeFootprints';

/** Options of cityPlumeGrid. */
export interface CityPlumeGridOptions {
  /** Open ground kept around the buildings' bounding box (m). Default 500. */
  marginM?: number;
  /** Buildings at least this tall (m) are obstacles; Infinity (default) makes none. */
  obstacleMinHeightM?: number;
}

/**
 * A dispersion grid over a city's buildings (their bounding box plus a margin) at `cellSizeM`,
 * with buildings reaching through the mixing layer as obstacles (pass the mixing height as
 * `obstacleMinHeightM`; lower buildings are overflowed by the gas and stay open).
 */
export function cityPlumeGrid(
  frame: LocalFrame, buildings: ReadonlyArray<Pick<BuildingRecord, 'footprint' | 'heightM'>>, cellSizeM: number,
  options: CityPlumeGridOptions = {},
): PlumeGrid {
  if (buildings.length === 0) throw new Error('cityPlumeGrid: buildings must not be empty (the grid covers their extent)');
  const margin = options.marginM ?? 500, minH = options.obstacleMinHeightM ?? Infinity;
  let xMinM = Infinity, yMinM = Infinity, xMaxM = -Infinity, yMaxM = -Infinity;
  for (const b of buildings) for (const [x, y] of b.footprint) {
    xMinM = Math.min(xMinM, x); yMinM = Math.min(yMinM, y); xMaxM = Math.max(xMaxM, x); yMaxM = Math.max(yMaxM, y);
  }
  const snap = (v: number, up: boolean) => (up ? Math.ceil(v / cellSizeM) : Math.floor(v / cellSizeM)) * cellSizeM;
  const grid = plumeGrid(frame.originLonDeg, frame.originLatDeg, {
    xMinM: snap(xMinM - margin, false), yMinM: snap(yMinM - margin, false), xMaxM: snap(xMaxM + margin, true), yMaxM: snap(yMaxM + margin, true),
  }, cellSizeM);
  if (minH < Infinity) rasterizeFootprints(grid, buildings.filter((b) => b.heightM >= minH).map((b) => b.footprint), grid.blocked);
  return grid;
}
