import type { SensorInfo, SensorRegistry } from '../../../src/signs/registry/SensorInfo';
import type { SensorKind } from '../../../src/signs/schema/sensorKinds';
import { sensorTopic } from '../../../src/signs/topics';
import type { UnitRecord } from '../../../src/signs/units/UnitIndex';

/**
 * A hand-made city for exact checks: city C > district D1 > streets S1, S2 > one community each
 * (C1, C2) > two grid cells each (G11, G12, G21, G22).
 */
export const TINY_UNITS: UnitRecord[] = [
  { id: 'C', level: 'city', name: '市', namePinyin: 'City', parentId: null },
  { id: 'D1', level: 'district', name: '区', namePinyin: 'District', parentId: 'C' },
  { id: 'S1', level: 'street', name: '一街道', namePinyin: 'S1', parentId: 'D1' },
  { id: 'S2', level: 'street', name: '二街道', namePinyin: 'S2', parentId: 'D1' },
  { id: 'C1', level: 'community', name: '一社区', namePinyin: 'C1', parentId: 'S1' },
  { id: 'C2', level: 'community', name: '二社区', namePinyin: 'C2', parentId: 'S2' },
  { id: 'G11', level: 'grid', name: '网格11', namePinyin: 'G11', parentId: 'C1' },
  { id: 'G12', level: 'grid', name: '网格12', namePinyin: 'G12', parentId: 'C1' },
  { id: 'G21', level: 'grid', name: '网格21', namePinyin: 'G21', parentId: 'C2' },
  { id: 'G22', level: 'grid', name: '网格22', namePinyin: 'G22', parentId: 'C2' },
];

const COMMUNITY: Record<string, [string, string]> = { G11: ['C1', 'S1'], G12: ['C1', 'S1'], G21: ['C2', 'S2'], G22: ['C2', 'S2'] };

/** A sensor of `kind` in grid cell `gridId`. */
export function tinySensor(id: string, kind: SensorKind, gridId: string, nominal = 0): SensorInfo {
  const [communityId, streetId] = COMMUNITY[gridId];
  return {
    id, kind, topic: sensorTopic('tiny', 'D1', kind, id), lonDeg: 104, latDeg: 30.6, xM: 0, yM: 0,
    unitId: gridId, gridId, communityId, streetId, districtId: 'D1', buildingId: null, roadId: null,
    label: `${gridId} ${id}`, labelPinyin: `${gridId} ${id}`, nominal,
  };
}

export function tinyRegistry(sensors: SensorInfo[]): SensorRegistry {
  return { city: 'tiny', synthetic: true, sensors };
}

const enc = new TextEncoder();

/** The bytes of a well-formed message for sensor `s`. */
export function message(s: SensorInfo, timeMs: number, value: number | boolean, unit?: string): Uint8Array {
  const units: Record<SensorKind, string> = {
    water_level: 'm', rainfall: 'mm/h', traffic_speed: 'km/h', air_quality: 'ug/m3', power_load: 'MW',
    crowd_density: 'persons/m2', hotline_12345: 'events', fire_alarm: 'state',
  };
  return enc.encode(JSON.stringify({ id: s.id, kind: s.kind, timeMs, value, unit: unit ?? units[s.kind] }));
}
