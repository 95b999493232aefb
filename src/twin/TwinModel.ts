import type { LocalFrame } from '../geo/LocalFrame';
import type { BuildingRecord } from '../pipeline/BuildingRecord';
import { AddressIndex } from './AddressIndex';
import { AddressRegistry } from './AddressRegistry';
import type { CityModelSources } from './cityModelFromGeoJson';
import { SpatialHierarchy } from './SpatialHierarchy';

/** The twin's model of one city: buildings, units, the address registry and its search index. */
export interface TwinModel {
  frame: LocalFrame;
  buildings: BuildingRecord[];
  registry: AddressRegistry;
  hierarchy: SpatialHierarchy;
  addresses: AddressIndex;
  /** Building index by building id. */
  buildingIndex: Map<string, number>;
}

/** Builds the registry (seeded entities), the unit hierarchy and the address index from a city's sources. */
export function createTwinModel(src: CityModelSources, seed = 1): TwinModel {
  const registry = new AddressRegistry(src.buildings, seed);
  return {
    frame: src.frame,
    buildings: src.buildings,
    registry,
    hierarchy: new SpatialHierarchy(src.buildings, registry, src.units),
    addresses: new AddressIndex(src.buildings),
    buildingIndex: new Map(src.buildings.map((b, i) => [b.id, i])),
  };
}
