import { fleetFromResources } from '../../dispatch/stationFleet';
import type { Fleet, UnitKind } from '../../dispatch/Fleet';
import { decodeRoadGraph } from '../../route/roadGraphCodec';
import type { RoadGraph } from '../../route/RoadGraph';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { Router } from '../../route/Router';
import { registryFromSensorsFile } from '../../signs/registry/sensorRecords';
import type { SensorRegistry } from '../../signs/registry/SensorInfo';
import type { CityPackage } from '../../twin/package/CityPackage';
import { loadCityModel, type CityModel } from '../../twin/package/CityModel';
import type { ResourcesFile, SensorsFile } from '../../twin/package/packageRecords';
import type { CityIndex } from '../validate/cityIssues';

/** What a ScenarioCity is made of: a package's model, its network bytes, sensors and resources. */
export interface ScenarioCityParts {
  city: CityModel;
  network: Uint8Array | null;
  sensors: SensorsFile | null;
  resources: ResourcesFile;
}

/**
 * The city a scenario runs on, loaded once per thread from its city package and shared by every
 * run module: the city model, its road graph, sensor registry, resources and the index validation
 * checks names against. Each module gets its own Router, since closures are router state.
 */
export class ScenarioCity {
  private graphCache: RoadGraph | null = null;
  private registryCache: SensorRegistry | null = null;
  private indexCache: CityIndex | null = null;

  constructor(private readonly parts: ScenarioCityParts) {}

  /** Reads what scenarios need from a package (in parallel). */
  static async load(pkg: CityPackage): Promise<ScenarioCity> {
    const [city, network, sensors, resources] = await Promise.all([loadCityModel(pkg), pkg.network(), pkg.sensors(), pkg.resources()]);
    return new ScenarioCity({ city, network, sensors, resources });
  }

  get city(): CityModel {
    return this.parts.city;
  }

  get name(): string {
    return this.parts.city.name;
  }

  get frame(): CityModel['frame'] {
    return this.parts.city.frame;
  }

  /** The road graph (network.bin); throws naming the city when it has no road network. */
  get graph(): RoadGraph {
    if (!this.graphCache) {
      if (!this.parts.network) throw new Error(`city "${this.name}" has no road network (its package lists no network.bin): routing, dispatch, evacuation and traffic cannot run on it`);
      this.graphCache = decodeRoadGraph(this.parts.network, `${this.name}/network.bin`);
    }
    return this.graphCache;
  }

  /** The sensor registry; empty (and said so by `hasSensors`) when the city has none. */
  get registry(): SensorRegistry {
    return (this.registryCache ??= this.parts.sensors
      ? registryFromSensorsFile(this.parts.sensors, this.parts.city.units, this.frame, this.name)
      : { city: this.name, synthetic: false, sensors: [] });
  }

  get resources(): ResourcesFile {
    return this.parts.resources;
  }

  /** The city's stations and vehicles; per station kind, `perStation` replaces what is based there. */
  fleet(perStation: Record<string, Partial<Record<UnitKind, number>>> = {}): Fleet {
    return fleetFromResources(this.parts.resources, perStation);
  }

  /**
   * The same city with other buildings (a massing variant): roads, graph, sensors and the index
   * are shared, so only what depends on buildings is rebuilt by the modules that use them.
   */
  withBuildings(buildings: BuildingRecord[]): ScenarioCity {
    const other = new ScenarioCity({ ...this.parts, city: { ...this.parts.city, buildings } });
    other.graphCache = this.graphCache;
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
      const { dem, frame, units, roads } = this.parts.city;
      const corners = [[dem.xMinM, dem.yMinM], [dem.xMaxM, dem.yMinM], [dem.xMinM, dem.yMaxM], [dem.xMaxM, dem.yMaxM]].map(([x, y]) => frame.toLonLat(x, y));
      const grids = new Set(units.filter((u) => u.level === 'grid').map((u) => u.parentId));
      this.indexCache = {
        city: this.name,
        boundsLonLat: [Math.min(...corners.map((c) => c[0])), Math.min(...corners.map((c) => c[1])), Math.max(...corners.map((c) => c[0])), Math.max(...corners.map((c) => c[1]))],
        // Outbreaks and lockdowns name the units right above the grid cells: communities in the demo.
        communityIds: new Set(units.filter((u) => grids.has(u.id)).map((u) => u.id)),
        sensorIds: new Set(this.registry.sensors.map((x) => x.id)),
        roadIds: new Set(roads.map((r) => r.id)),
        stationIds: new Set(this.parts.resources.stations.map((s) => s.id)),
        fireStations: this.parts.resources.stations.filter((s) => s.kind === 'fire_station').length,
        buildingIds: new Set(this.parts.city.buildings.map((b) => b.id)),
      };
    }
    return this.indexCache;
  }
}

const cache = new Map<string, Promise<ScenarioCity>>();

/**
 * The ScenarioCity of a scenario's city name, loaded through `open` once per thread and package
 * revision (a rebuilt package is read again).
 */
export async function scenarioCity(name: string, open: (name: string) => Promise<CityPackage>): Promise<ScenarioCity> {
  const pkg = await open(name);
  const key = `${name}:${pkg.manifest.revision}`;
  let c = cache.get(key);
  if (!c) {
    cache.set(key, (c = ScenarioCity.load(pkg)));
    c.catch(() => cache.delete(key));
  }
  return c;
}
