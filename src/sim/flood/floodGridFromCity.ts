import type { CityModel } from '../../twin/package/CityModel';
import { dilateMask } from '../core/dilateMask';
import { rasterizePolygon } from '../core/rasterizePolygon';
import { sampleDemToRaster } from '../core/sampleDemToRaster';
import { buildingCells, type BuildingCells } from './BuildingCells';
import type { FloodGrid } from './FloodGrid';
import { roadCells, type RoadCells } from './RoadCells';

/** A plane-meter box [xMin, yMin, xMax, yMax] (m). */
export type PlaneBBox = [number, number, number, number];

export interface FloodCityOptions {
  /** Cell size (m); default 5. */
  cellSizeM?: number;
  /** Region to model (plane meters); default the buildings' extent (the demo's built-up square: about ±4500 m). */
  bboxM?: PlaneBBox;
  /** Road samples this close to the river polygon are on bridges (m); default 60 (the demo channel's banks). */
  bridgeMarginM?: number;
}

/** What the flood grid is built from: a city model's DEM, buildings, roads and water (any city package). */
export type FloodCitySource = Pick<CityModel, 'dem' | 'buildings' | 'roads' | 'frame'> & { water?: ReadonlyArray<{ rings: ReadonlyArray<ReadonlyArray<[number, number]>> }> };

/** Bounding box of the buildings' footprints (plane meters), or the DEM's extent when there are none. */
function buildingsExtent(city: FloodCitySource): PlaneBBox {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of city.buildings) for (const [x, y] of b.footprint) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  const d = city.dem;
  if (!Number.isFinite(x0)) return [d.xMinM, d.yMinM, d.xMaxM, d.yMaxM];
  return [Math.max(d.xMinM, Math.floor(x0)), Math.max(d.yMinM, Math.floor(y0)), Math.min(d.xMaxM, Math.ceil(x1)), Math.min(d.yMaxM, Math.ceil(y1))];
}

/** A city ready for the flood solver: the grid and what the outputs are measured on. */
export interface FloodCitySetup {
  grid: FloodGrid;
  buildings: BuildingCells;
  roads: RoadCells;
}

/**
 * Builds the flood grid of a city (any package: a DEM, buildings with plane footprints and unit
 * ids, road centrelines, water polygons): bilinear DEM heights at cell centres, building footprints
 * rasterised as walls (cell centre inside), the bbox snapped outwards to whole cells from its
 * south-west corner. Road samples skip walls and the water polygons grown by bridgeMarginM (bridges).
 */
export function floodGridFromCity(city: FloodCitySource, options: FloodCityOptions = {}): FloodCitySetup {
  const c = options.cellSizeM ?? 5;
  const [x0, y0, x1, y1] = options.bboxM ?? buildingsExtent(city);
  if (!(c > 0 && Number.isFinite(c))) throw new Error(`floodGridFromCity: cellSizeM must be > 0, got ${c}`);
  if (![x0, y0, x1, y1].every(Number.isFinite) || !(x1 > x0 && y1 > y0)) {
    throw new Error(`floodGridFromCity: bboxM must be [xMin, yMin, xMax, yMax] with xMax > xMin and yMax > yMin, got ${JSON.stringify(options.bboxM)}`);
  }
  const dem = city.dem;
  if (x0 < dem.xMinM || y0 < dem.yMinM || x1 > dem.xMaxM || y1 > dem.yMaxM) {
    throw new Error(`floodGridFromCity: bboxM ${JSON.stringify([x0, y0, x1, y1])} leaves the DEM [${dem.xMinM}, ${dem.yMinM}, ${dem.xMaxM}, ${dem.yMaxM}]`);
  }
  const header = {
    originLonDeg: dem.originLonDeg, originLatDeg: dem.originLatDeg, xMinM: x0, yMinM: y0, cellSizeM: c,
    width: Math.ceil((x1 - x0) / c - 1e-9), height: Math.ceil((y1 - y0) / c - 1e-9),
  };
  const bedM = sampleDemToRaster(dem, header);
  const buildings = buildingCells(header, city.buildings);
  const wall = new Uint8Array(bedM.length);
  for (let k = 0; k < wall.length; k++) wall[k] = buildings.owner[k] >= 0 ? 1 : 0;
  const grid: FloodGrid = { ...header, bedM, wall };
  // Roads cross the river on bridges the DEM does not have: no road samples over the channel.
  const river = new Uint8Array(wall.length);
  for (const body of city.water ?? []) for (const ring of body.rings) rasterizePolygon(header, ring, (k) => { river[k] = 1; });
  const skip = dilateMask(river, header.width, header.height, Math.round((options.bridgeMarginM ?? 60) / c));
  for (let k = 0; k < skip.length; k++) skip[k] |= wall[k];
  return { grid, buildings, roads: roadCells(header, city.roads, city.frame, skip) };
}
