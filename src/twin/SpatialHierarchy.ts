import type { BuildingRecord } from './BuildingRecord';
import type { EntityCounts } from './addressEntities';
import type { AddressRegistry } from './AddressRegistry';
import { floorSlices, type FloorSlice } from './floorSlices';

export type UnitLevel = 'city' | 'district' | 'street' | 'community' | 'grid' | 'building' | 'floor';
/** Levels from the top; a node's children are one or more levels down. */
export const UNIT_LEVELS: readonly UnitLevel[] = ['city', 'district', 'street', 'community', 'grid', 'building', 'floor'];

/** An administrative unit as given (the demo city's PlaneUnit fits), rings in plane meters. */
export interface UnitInput {
  id: string;
  level: 'city' | 'district' | 'street' | 'community' | 'grid';
  name: string;
  namePinyin: string;
  parentId: string | null;
  rings?: Array<Array<[number, number]>>;
}

/** A node of the hierarchy. */
export interface TwinUnit {
  id: string;
  level: UnitLevel;
  name: string;
  namePinyin: string;
  parentId: string | null;
}

/** What lies under a node: entity counts, buildings, floors and descendant units per level. */
export interface UnitTotals extends EntityCounts {
  buildings: number;
  floors: number;
  units: Partial<Record<UnitLevel, number>>;
}

const ROOT_ID = 'city';
const CHAIN = ['districtId', 'streetId', 'communityId', 'gridId'] as const;
const CHAIN_LEVEL = { districtId: 'district', streetId: 'street', communityId: 'community', gridId: 'grid' } as const;

/**
 * The spatial-unit hierarchy city > district > street > community > grid > building > floor,
 * with parent/children/ancestors lookups and totals aggregated from the address registry's counts
 * (always current, so linked entities show). Units come from `units` (the demo city's) or are
 * derived from the buildings' unit ids; a building hangs under its deepest known unit; floors
 * are slices with per-floor occupancy (see floorSlices). Pure; no DOM.
 */
export class SpatialHierarchy {
  readonly root: TwinUnit;
  private readonly nodes = new Map<string, TwinUnit>();
  private readonly kids = new Map<string, string[]>();
  private readonly rings = new Map<string, Array<Array<[number, number]>>>();
  private readonly under = new Map<string, number[]>();
  private readonly buildingIndex = new Map<string, number>();

  constructor(private readonly buildings: ReadonlyArray<BuildingRecord>, private readonly registry: AddressRegistry, units: ReadonlyArray<UnitInput> = []) {
    const city = units.find((u) => u.level === 'city');
    this.root = city ? { id: city.id, level: 'city', name: city.name, namePinyin: city.namePinyin, parentId: null } : { id: ROOT_ID, level: 'city', name: '城市', namePinyin: 'City', parentId: null };
    this.add(this.root);
    for (const u of units) {
      if (u === city) continue;
      this.add({ id: u.id, level: u.level, name: u.name, namePinyin: u.namePinyin, parentId: u.parentId ?? this.root.id });
      if (u.rings) this.rings.set(u.id, u.rings);
    }
    if (city?.rings) this.rings.set(city.id, city.rings);
    buildings.forEach((b, i) => this.addBuilding(b, i));
  }

  private add(n: TwinUnit): void {
    if (this.nodes.has(n.id)) return;
    this.nodes.set(n.id, n);
    if (n.parentId !== null) (this.kids.get(n.parentId) ?? this.kids.set(n.parentId, []).get(n.parentId)!).push(n.id);
  }

  private addBuilding(b: BuildingRecord, i: number): void {
    let parent = this.root.id;
    for (const key of CHAIN) {
      const id = b[key];
      if (!id) continue;
      if (!this.nodes.has(id)) this.add({ id, level: CHAIN_LEVEL[key], name: id, namePinyin: id, parentId: parent });
      parent = id;
    }
    this.buildingIndex.set(b.id, i);
    this.add({ id: b.id, level: 'building', name: b.address || b.id, namePinyin: b.addressPinyin || b.id, parentId: parent });
    for (let u: string | null = parent; u !== null; u = this.nodes.get(u)?.parentId ?? null) {
      (this.under.get(u) ?? this.under.set(u, []).get(u)!).push(i);
    }
  }

  /** A unit, building or floor node ('B000123/F4'), or undefined. */
  node(id: string): TwinUnit | undefined {
    const n = this.nodes.get(id);
    if (n) return n;
    const m = /^(.*)\/F(\d+)$/.exec(id);
    const i = m ? this.buildingIndex.get(m[1]) : undefined;
    if (i === undefined || Number(m![2]) < 1 || Number(m![2]) > this.buildings[i].floors) return undefined;
    return { id, level: 'floor', name: `${m![2]}层`, namePinyin: `Floor ${m![2]}`, parentId: m![1] };
  }

  parent(id: string): TwinUnit | undefined {
    const p = this.node(id)?.parentId;
    return p ? this.node(p) : undefined;
  }

  /** Child nodes: sub-units and buildings of a unit, floors of a building, none for a floor. */
  children(id: string): TwinUnit[] {
    const n = this.node(id);
    if (!n) throw new RangeError(`SpatialHierarchy.children: unknown unit id "${id}"`);
    if (n.level === 'building') return this.floors(id).map((f) => this.node(f.id)!);
    return (this.kids.get(id) ?? []).map((k) => this.nodes.get(k)!);
  }

  /** The path from the root down to the node (breadcrumbs), or [] for an unknown id. */
  ancestors(id: string): TwinUnit[] {
    const path: TwinUnit[] = [];
    for (let n = this.node(id); n; n = n.parentId ? this.node(n.parentId) : undefined) path.unshift(n);
    return path;
  }

  /** Floor slices of a building with occupancy from its current people count. */
  floors(buildingId: string): FloorSlice[] {
    const i = this.buildingIndex.get(buildingId);
    if (i === undefined) throw new RangeError(`SpatialHierarchy.floors: unknown building id "${buildingId}"`);
    return floorSlices(this.buildings[i], this.registry.people[i]);
  }

  /** Indices (into the buildings array) of the buildings under a unit, or of the building itself. */
  buildingsUnder(id: string): readonly number[] {
    const i = this.buildingIndex.get(id);
    return i !== undefined ? [i] : this.under.get(id) ?? [];
  }

  /** Plane-meter rings of a unit when the units came with geometry. */
  ringsOf(id: string): Array<Array<[number, number]>> | undefined { return this.rings.get(id); }

  /** Totals under a node: entity counts, buildings, floors and descendant units by level. */
  totals(id: string): UnitTotals {
    const n = this.node(id);
    if (!n) throw new RangeError(`SpatialHierarchy.totals: unknown unit id "${id}"`);
    const t: UnitTotals = { people: 0, households: 0, companies: 0, events: 0, devices: 0, buildings: 0, floors: 0, units: {} };
    if (n.level === 'floor') {
      const f = this.floors(n.parentId!).find((s) => s.id === id)!;
      return { ...t, people: f.occupancy, floors: 1 };
    }
    const r = this.registry;
    for (const i of this.buildingsUnder(id)) {
      t.buildings++; t.floors += this.buildings[i].floors;
      t.people += r.people[i]; t.households += r.households[i]; t.companies += r.companies[i]; t.events += r.events[i]; t.devices += r.devices[i];
    }
    const stack = [...(this.kids.get(id) ?? [])];
    while (stack.length) {
      const k = this.nodes.get(stack.pop()!)!;
      if (k.level !== 'building') t.units[k.level] = (t.units[k.level] ?? 0) + 1;
      stack.push(...(this.kids.get(k.id) ?? []));
    }
    return t;
  }
}
