import { generateDemoCity, type DemoCity } from '../demo-city/generateDemoCity';
import type { RoadGraph } from '../../route/RoadGraph';
import { compileRoadNetwork } from './compileRoadNetwork';
import { roadLinesFromPlaneRoads } from './roadLinesFromPlaneRoads';

/** The demo city's road network compiled in memory (~0.1 s), for when no network.bin is at hand. */
export function demoRoadGraph(city: DemoCity = generateDemoCity()): RoadGraph {
  return compileRoadNetwork(roadLinesFromPlaneRoads(city.frame, city.roads), { nodeCrossings: true });
}
