import type { DemGrid } from '../../geo/DemGrid';
import { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { generateBuildings } from './buildings';
import { generateDem } from './dem';
import { DEMO_ORIGIN, RIVER_HALF_WIDTH_M, riverCenterY } from './layout';
import { DEMO_PLAN, type DemoPlan } from './DemoPlan';
import { generateRoads, type PlaneRoad } from './roads';
import { generateUnits, type PlaneUnit } from './units';

export const DEFAULT_DEMO_SEED = 20261124;

/** Everything the demo city is made of, in the city's plane meters (see LocalFrame). */
export interface DemoCity {
  seed: number;
  /** The plan it was laid out on (DEMO_PLAN for the demo city itself). */
  plan: DemoPlan;
  frame: LocalFrame;
  dem: DemGrid;
  roads: PlaneRoad[];
  units: PlaneUnit[];
  buildings: BuildingRecord[];
  /** River polygon ring (closed), plane meters. */
  river: Array<[number, number]>;
}

function riverPolygon(plan: DemoPlan): Array<[number, number]> {
  const left: Array<[number, number]> = [], right: Array<[number, number]> = [];
  for (let x = -plan.demHalfSideM; x <= plan.demHalfSideM; x += 40) {
    const y = riverCenterY(x, plan.scale);
    left.push([x, Math.round((y + RIVER_HALF_WIDTH_M) * 100) / 100]);
    right.push([x, Math.round((y - RIVER_HALF_WIDTH_M) * 100) / 100]);
  }
  const ring = [...right, ...left.reverse()];
  ring.push([...ring[0]] as [number, number]);
  return ring;
}

/**
 * Generates the deterministic Chengdu-like demo city: same seed, same city. `plan` lays it out at
 * another size (see demoPlanFor), with the same look.
 */
export function generateDemoCity(seed = DEFAULT_DEMO_SEED, plan: DemoPlan = DEMO_PLAN): DemoCity {
  const frame = new LocalFrame(DEMO_ORIGIN.lonDeg, DEMO_ORIGIN.latDeg);
  const dem = generateDem(seed, plan);
  const hierarchy = generateUnits(plan);
  const buildings = generateBuildings(seed, hierarchy, (x, y) => dem.sample(x, y), plan);
  return { seed, plan, frame, dem, roads: generateRoads(plan), units: hierarchy.units, buildings, river: riverPolygon(plan) };
}
