import type { DemGrid } from '../../geo/DemGrid';
import { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { generateBuildings } from './buildings';
import { generateDem } from './dem';
import { DEMO_ORIGIN, RIVER_HALF_WIDTH_M, riverCenterY } from './layout';
import { generateRoads, type PlaneRoad } from './roads';
import { generateUnits, type PlaneUnit } from './units';

export const DEFAULT_DEMO_SEED = 20261124;

/** Everything the demo city is made of, in the city's plane meters (see LocalFrame). */
export interface DemoCity {
  seed: number;
  frame: LocalFrame;
  dem: DemGrid;
  roads: PlaneRoad[];
  units: PlaneUnit[];
  buildings: BuildingRecord[];
  /** River polygon ring (closed), plane meters. */
  river: Array<[number, number]>;
}

function riverPolygon(): Array<[number, number]> {
  const left: Array<[number, number]> = [], right: Array<[number, number]> = [];
  for (let x = -5120; x <= 5120; x += 40) {
    const y = riverCenterY(x);
    left.push([x, Math.round((y + RIVER_HALF_WIDTH_M) * 100) / 100]);
    right.push([x, Math.round((y - RIVER_HALF_WIDTH_M) * 100) / 100]);
  }
  const ring = [...right, ...left.reverse()];
  ring.push([...ring[0]] as [number, number]);
  return ring;
}

/** Generates the deterministic Chengdu-like demo city: same seed, same city. */
export function generateDemoCity(seed = DEFAULT_DEMO_SEED): DemoCity {
  const frame = new LocalFrame(DEMO_ORIGIN.lonDeg, DEMO_ORIGIN.latDeg);
  const dem = generateDem(seed);
  const hierarchy = generateUnits();
  const buildings = generateBuildings(seed, hierarchy, (x, y) => dem.sample(x, y));
  return { seed, frame, dem, roads: generateRoads(), units: hierarchy.units, buildings, river: riverPolygon() };
}
