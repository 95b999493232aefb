import { generateDemoCity, type DemoCity } from '../../pipeline/demo-city/generateDemoCity';
import { demoRoadGraph } from '../../pipeline/network/demoRoadGraph';
import type { RoadGraph } from '../../route/RoadGraph';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { Router } from '../../route/Router';
import { buildSensorRegistry } from '../../signs/registry/buildSensorRegistry';
import type { SensorRegistry } from '../../signs/registry/SensorInfo';
import type { CityIndex } from '../validate/cityIssues';

/**
 * The city a scenario runs on, built once per thread and shared by every run module: the demo
 * city (~0.4 s to generate), its road graph, sensor registry and the index validation checks names
 * against. Each module gets its own Router, since closures are router state.
 */
export class ScenarioCity {
  private graphCache: RoadGraph | null = null;
  private registryCache: SensorRegistry | null = null;
  private indexCache: CityIndex | null = null;

  constructor(readonly city: DemoCity) {}

  get frame(): DemoCity['frame'] {
    return this.city.frame;
  }

  get graph(): RoadGraph {
    return (this.graphCache ??= demoRoadGraph(this.city));
  }

  get registry(): SensorRegistry {
    return (this.registryCache ??= buildSensorRegistry(this.city));
  }

  /**
   * The same city with other buildings (a massing variant): roads, graph, sensors and the index
   * are shared, so only what depends on buildings is rebuilt by the modules that use them.
   */
  withBuildings(buildings: BuildingRecord[]): ScenarioCity {
    const other = new ScenarioCity({ ...this.city, buildings });
    other.graphCache = this.graphCache ?? (this.graphCache = demoRoadGraph(this.city));
    other.registryCache = this.registryCache;
    other.indexCache = this.indexCache;
    return other;
  }

  /** A router over the road graph with no closures (~30 ms). */
  newRouter(): Router {
    return new Router(this.graph);
  }

  /** Extent and ids a scenario may name. */
  get index(): CityIndex {
    if (!this.indexCache) {
      const { dem, frame } = this.city;
      const [w, s] = frame.toLonLat(dem.xMinM, dem.yMinM), [e, n] = frame.toLonLat(dem.xMaxM, dem.yMaxM);
      this.indexCache = {
        boundsLonLat: [w, s, e, n],
        communityIds: new Set(this.city.units.filter((u) => u.level === 'community').map((u) => u.id)),
        sensorIds: new Set(this.registry.sensors.map((x) => x.id)),
        roadIds: new Set(this.city.roads.map((r) => r.id)),
        buildingIds: new Set(this.city.buildings.map((b) => b.id)),
      };
    }
    return this.indexCache;
  }
}

const cache = new Map<string, ScenarioCity>();

/** The ScenarioCity of a scenario's city name and seed, cached per thread. */
export function scenarioCity(name: 'demo', seed?: number): ScenarioCity {
  const key = `${name}:${seed ?? 'default'}`;
  let c = cache.get(key);
  if (!c) cache.set(key, (c = new ScenarioCity(seed === undefined ? generateDemoCity() : generateDemoCity(seed))));
  return c;
}
