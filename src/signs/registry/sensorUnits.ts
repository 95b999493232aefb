import { LEVEL_COUNT, type UnitIndex } from '../units/UnitIndex';

const LEVEL_GRID = 0, LEVEL_COMMUNITY = 1, LEVEL_STREET = 2, LEVEL_DISTRICT = 3, LEVEL_CITY = 4;

/** The spatial units of a sensor: its finest unit and its unit at each tier ('' where the city has no such tier). */
export interface SensorUnits {
  unitId: string;
  gridId: string;
  communityId: string;
  streetId: string;
  districtId: string;
  /** The topic's district level: the district, else the city root (a city without districts). */
  topicDistrict: string;
  /** Unit names from the district down (Chinese order) and up (pinyin, comma-separated), for labels. */
  path: string;
  pathPinyin: string;
}

const scratch = new Int32Array(LEVEL_COUNT);

/** The units of a sensor located in unit `unitIndex` of `units`. */
export function sensorUnits(units: UnitIndex, unitIndex: number): SensorUnits {
  units.chain(unitIndex, scratch, 0);
  const id = (level: number) => (scratch[level] >= 0 ? units.ids[scratch[level]] : '');
  const districtId = id(LEVEL_DISTRICT);
  return {
    unitId: units.ids[unitIndex], gridId: id(LEVEL_GRID), communityId: id(LEVEL_COMMUNITY), streetId: id(LEVEL_STREET), districtId,
    topicDistrict: districtId || id(LEVEL_CITY) || units.ids[unitIndex],
    path: units.pathName(unitIndex), pathPinyin: units.pathName(unitIndex, true),
  };
}
