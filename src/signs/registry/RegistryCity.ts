import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { PlaneRoad } from '../../twin/PlaneRoad';
import type { PlaneUnit } from '../../twin/PlaneUnit';

/** The parts of a city (e.g. the demo city) the sensor registry is placed on; plane meters. */
export interface RegistryCity {
  seed: number;
  frame: { toLonLat(xEastM: number, yNorthM: number): [number, number] };
  roads: ReadonlyArray<Pick<PlaneRoad, 'id' | 'name' | 'namePinyin' | 'roadClass' | 'speedKmh' | 'coords'>>;
  units: ReadonlyArray<Pick<PlaneUnit, 'id' | 'level' | 'name' | 'namePinyin' | 'parentId' | 'rings'>>;
  buildings: ReadonlyArray<Pick<BuildingRecord,
    'id' | 'footprint' | 'floors' | 'use' | 'population' | 'address' | 'addressPinyin' | 'gridId' | 'communityId' | 'streetId' | 'districtId'>>;
  /** River polygon ring (closed), plane meters. */
  river: ReadonlyArray<readonly [number, number]>;
}

/** A sensor position before ids and units are assigned. */
export interface Placement {
  xM: number;
  yM: number;
  buildingId?: string;
  roadId?: string;
  /** Place text added after the unit path (road name, address, "Jinjiang gauge"). */
  place?: string;
  placePinyin?: string;
  nominal: number;
}
