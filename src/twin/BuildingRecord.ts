/** One building as the tilers take it: footprint in a city's plane meters plus its attributes. */
export interface BuildingRecord {
  id: string;
  /** Outer ring, counter-clockwise, not closed (first point not repeated). Plane meters. */
  footprint: Array<[number, number]>;
  heightM: number;
  floors: number;
  use: string;
  addressId: string;
  /** Standard address text (Chinese) and its pinyin. */
  address: string;
  addressPinyin: string;
  /** People normally in the building (residents, or workers/visitors for other uses). */
  population: number;
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
}
