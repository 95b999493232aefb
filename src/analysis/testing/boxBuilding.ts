import type { BuildingRecord } from '../../twin/BuildingRecord';

/** Tests only: a rectangular building [x0, x1] x [y0, y1] (plane m), counter-clockwise. */
export function boxBuilding(id: string, x0: number, y0: number, x1: number, y1: number, heightM: number, floors = Math.max(1, Math.round(heightM / 3)), use = 'residential'): BuildingRecord {
  return {
    id, footprint: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]], heightM, floors, use, population: 10 * floors,
    addressId: '', address: '', addressPinyin: '', districtId: '', streetId: '', communityId: '', gridId: '',
  };
}
