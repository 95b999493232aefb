import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { PlaneRoad } from '../../twin/PlaneRoad';
import type { PlaneUnit } from '../../twin/PlaneUnit';

/** The parts of a city (the demo city or an import) the sensor registry is placed on; plane meters. */
export interface RegistryCity {
  /** The city package's name: sensor topics carry it (city/<name>/...). */
  name: string;
  frame: { toLonLat(xEastM: number, yNorthM: number): [number, number] };
  roads: ReadonlyArray<Pick<PlaneRoad, 'id' | 'name' | 'namePinyin' | 'roadClass' | 'speedKmh' | 'coords'>>;
  units: ReadonlyArray<Pick<PlaneUnit, 'id' | 'level' | 'name' | 'namePinyin' | 'parentId' | 'rings'>>;
  buildings: ReadonlyArray<Pick<BuildingRecord,
    'id' | 'footprint' | 'floors' | 'use' | 'population' | 'address' | 'addressPinyin' | 'gridId' | 'communityId' | 'streetId' | 'districtId'>>;
  /** River polygon ring (closed), plane meters; empty when the city has no river (no river gauges then). */
  river: ReadonlyArray<readonly [number, number]>;
  /** The river's name and pinyin for gauge labels; default 锦江 / Jinjiang (the demo's). */
  riverName?: [string, string];
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
