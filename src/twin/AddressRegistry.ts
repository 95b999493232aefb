import type { BuildingRecord } from './BuildingRecord';
import { generatedCounts, generateEntities, type EntityCounts, type EntityKind, type TwinEntity } from './addressEntities';

/** One standard address with what is linked to it. */
export interface AddressRecord extends EntityCounts {
  addressId: string;
  address: string;
  addressPinyin: string;
  buildingIds: string[];
}

const KIND_FIELD: Record<EntityKind, keyof EntityCounts> = { household: 'households', company: 'companies', event: 'events', device: 'devices' };

/**
 * The standard-address registry: every address id of the city's buildings with its people,
 * households, companies, events (e.g. 12345 hotline cases) and devices. Counts are generated
 * deterministically from the seed when built (typed arrays per building, for fast aggregation);
 * the entity records behind them are generated on demand; entities from outside (sensors,
 * reported events) are linked with `link`. Buildings without an address id stay counted per
 * building but are not addresses. Pure; no DOM.
 */
export class AddressRegistry {
  readonly seed: number;
  /** Per building (same order as the input): generated + linked counts. */
  readonly people: Uint32Array;
  readonly households: Uint32Array;
  readonly companies: Uint32Array;
  readonly events: Uint32Array;
  readonly devices: Uint32Array;
  private readonly buildings: ReadonlyArray<BuildingRecord>;
  private readonly indexById = new Map<string, number>();
  private readonly byAddress = new Map<string, number[]>();
  private readonly linked = new Map<string, TwinEntity[]>();

  constructor(buildings: ReadonlyArray<BuildingRecord>, seed = 1) {
    this.seed = seed;
    this.buildings = buildings;
    const n = buildings.length;
    [this.people, this.households, this.companies, this.events, this.devices] = [0, 0, 0, 0, 0].map(() => new Uint32Array(n));
    buildings.forEach((b, i) => {
      this.indexById.set(b.id, i);
      if (b.addressId) (this.byAddress.get(b.addressId) ?? this.byAddress.set(b.addressId, []).get(b.addressId)!).push(i);
      const c = generatedCounts(b, seed);
      this.people[i] = c.people; this.households[i] = c.households; this.companies[i] = c.companies;
      this.events[i] = c.events; this.devices[i] = c.devices;
    });
  }

  /** Number of distinct address ids. */
  get size(): number { return this.byAddress.size; }

  /** All address ids, in first-seen order. */
  addressIds(): string[] { return [...this.byAddress.keys()]; }

  /** Index of a building id in the input array, or -1. */
  buildingIndex(buildingId: string): number { return this.indexById.get(buildingId) ?? -1; }

  /** Counts at one building (by index), generated plus linked. */
  countsOfBuilding(i: number): EntityCounts {
    return { people: this.people[i], households: this.households[i], companies: this.companies[i], events: this.events[i], devices: this.devices[i] };
  }

  /** The address with its buildings and summed counts, or undefined for an unknown id. */
  record(addressId: string): AddressRecord | undefined {
    const list = this.byAddress.get(addressId);
    if (!list) return undefined;
    const b0 = this.buildings[list[0]];
    const r: AddressRecord = { addressId, address: b0.address, addressPinyin: b0.addressPinyin, buildingIds: [], people: 0, households: 0, companies: 0, events: 0, devices: 0 };
    for (const i of list) {
      r.buildingIds.push(this.buildings[i].id);
      const c = this.countsOfBuilding(i);
      r.people += c.people; r.households += c.households; r.companies += c.companies; r.events += c.events; r.devices += c.devices;
    }
    return r;
  }

  /** Entities at an address (generated, then linked), optionally of one kind. Deterministic. */
  entities(addressId: string, kind?: EntityKind): TwinEntity[] {
    const list = this.byAddress.get(addressId);
    if (!list) throw new RangeError(`AddressRegistry.entities: unknown addressId "${addressId}"`);
    const out: TwinEntity[] = [];
    for (const i of list) {
      const b = this.buildings[i];
      out.push(...generateEntities(b, generatedCounts(b, this.seed), this.seed));
    }
    out.push(...(this.linked.get(addressId) ?? []));
    return kind ? out.filter((e) => e.kind === kind) : out;
  }

  /**
   * Links an outside entity (a sensor as a device, a reported event, a registered company) to an
   * address; `buildingId` defaults to the address's first building. Throws naming the field for
   * an unknown address id or a building not at that address.
   */
  link(entity: Omit<TwinEntity, 'buildingId'> & { buildingId?: string }): TwinEntity {
    const list = this.byAddress.get(entity.addressId);
    if (!list) throw new RangeError(`AddressRegistry.link: addressId "${entity.addressId}" is not a standard address of this city`);
    const i = entity.buildingId === undefined ? list[0] : this.indexById.get(entity.buildingId) ?? -1;
    if (!list.includes(i)) throw new RangeError(`AddressRegistry.link: buildingId "${entity.buildingId}" is not at address "${entity.addressId}"`);
    const linked: TwinEntity = { ...entity, buildingId: this.buildings[i].id };
    (this.linked.get(entity.addressId) ?? this.linked.set(entity.addressId, []).get(entity.addressId)!).push(linked);
    this[KIND_FIELD[entity.kind]][i]++;
    return linked;
  }
}
