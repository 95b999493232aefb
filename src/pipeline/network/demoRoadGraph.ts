import { generateDemoCity, type DemoCity } from '../demo-city/generateDemoCity';
import type { RoadGraph } from '../../route/RoadGraph';
import type { TravelMode } from '../../route/TravelMode';
import { compileRoadNetwork } from './compileRoadNetwork';
import { roadLinesFromPlaneRoads } from './roadLinesFromPlaneRoads';

/** The demo city's road network of one mode (default cars) compiled in memory (~0.1 s), for when no network.bin is at hand. */
export function demoRoadGraph(city: DemoCity = generateDemoCity(), mode: TravelMode = 'car'): RoadGraph {
  return compileRoadNetwork(roadLinesFromPlaneRoads(city.frame, city.roads), { nodeCrossings: true, mode });
}
