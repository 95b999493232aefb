import type { LocalFrame } from '../geo/LocalFrame';
import type { BuildingRecord } from './BuildingRecord';
import { AddressIndex, type AddressHit } from './AddressIndex';
import { AddressRegistry } from './AddressRegistry';
import { BuildingGrid } from './BuildingGrid';
import { SpatialHierarchy, type UnitInput } from './SpatialHierarchy';
import { UnitLocator } from './UnitLocator';

export interface CityTwinInput {
  frame: LocalFrame;
  buildings: ReadonlyArray<BuildingRecord>;
  /** Administrative units with plane rings (the demo city's `units`); derived from ids when absent. */
  units?: ReadonlyArray<UnitInput>;
  /** Seed of the generated households, companies, events and devices. Default 1. */
  seed?: number;
}

/** An address search hit with where to fly to. */
export interface AddressSearchHit extends AddressHit {
  centroidLonLat: [number, number];
}

/** Nearest-building fallback distance for placing points outside any unit geometry (m). */
const LOCATE_FALLBACK_M = 250;

/**
 * The twin's model of one city: buildings, the standard-address registry, the spatial-unit
 * hierarchy, address search and a spatial index, built once from `{ frame, buildings, units }`
 * (the demo city or an import). Pure; no DOM; nothing to dispose.
 */
export class CityTwin {
  readonly frame: LocalFrame;
  readonly buildings: ReadonlyArray<BuildingRecord>;
  readonly registry: AddressRegistry;
  readonly hierarchy: SpatialHierarchy;
  readonly addresses: AddressIndex;
  readonly grid: BuildingGrid;
  private readonly locator: UnitLocator;

  constructor(input: CityTwinInput) {
    this.frame = input.frame;
    this.buildings = input.buildings;
    this.registry = new AddressRegistry(input.buildings, input.seed ?? 1);
    this.hierarchy = new SpatialHierarchy(input.buildings, this.registry, input.units ?? []);
    this.addresses = new AddressIndex(input.buildings);
    this.grid = new BuildingGrid(input.buildings);
    this.locator = new UnitLocator(input.units ?? []);
  }

  /** Ranked buildings for an address text (Chinese or pinyin), with their centroids in lon/lat. */
  searchAddress(query: string, limit = 10): AddressSearchHit[] {
    return this.addresses.search(query, limit).map((h) => ({ ...h, centroidLonLat: this.frame.toLonLat(this.grid.centroidX[h.index], this.grid.centroidY[h.index]) }));
  }

  /**
   * The deepest unit containing a plane point: by unit geometry when the units have it, else the
   * unit of the nearest building within 250 m, else the city.
   */
  locateUnit(xM: number, yM: number): string {
    const byRing = this.locator.locate(xM, yM);
    if (byRing) return byRing;
    const i = this.grid.nearest(xM, yM, LOCATE_FALLBACK_M);
    return i >= 0 ? this.hierarchy.parent(this.buildings[i].id)!.id : this.hierarchy.root.id;
  }
}
