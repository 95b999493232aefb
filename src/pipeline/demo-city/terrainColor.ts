import type { TerrainColorFn } from '../tiles/terrainMesh';
import { CITY_HALF_SIDE_M, RIVER_HALF_WIDTH_M, distanceToRiverM } from './layout';

/** Demo-city ground colours: river water, embankment green, built-up grey, fields, hill forest. */
export const demoTerrainColor: TerrainColorFn = (x, y, h) => {
  const river = distanceToRiverM(x, y);
  if (river < RIVER_HALF_WIDTH_M + 5) return [52, 96, 128];
  if (river < 75) return [96, 140, 88];
  const inCity = Math.abs(x) <= CITY_HALF_SIDE_M && Math.abs(y) <= CITY_HALF_SIDE_M;
  const hill = Math.min(1, Math.max(0, (h - 520) / 120));
  if (inCity) return [Math.round(150 - 40 * hill), Math.round(148 - 10 * hill), Math.round(138 - 50 * hill)];
  return [Math.round(118 - 40 * hill), Math.round(146 - 30 * hill), Math.round(92 - 30 * hill)];
};
