import type { SensorRecord, SensorsFile } from '../../twin/package/packageRecords';
import { SENSOR_KIND_SPECS } from '../schema/sensorKinds';
import { UnitIndex, type UnitRecord } from '../units/UnitIndex';
import type { SensorInfo, SensorRegistry } from './SensorInfo';
import { sensorUnits } from './sensorUnits';

/** The registry as a package's `sensors.json` (lon/lat, the finest unit, the kind's unit of measure). */
export function toSensorsFile(registry: SensorRegistry, rules?: string): SensorsFile {
  return {
    synthetic: registry.synthetic, ...(rules ? { rules } : {}),
    sensors: registry.sensors.map((s): SensorRecord => ({
      id: s.id, kind: s.kind, lonDeg: s.lonDeg, latDeg: s.latDeg, unit: SENSOR_KIND_SPECS[s.kind].unit, topic: s.topic,
      unitId: s.unitId, label: s.label, labelPinyin: s.labelPinyin, nominal: s.nominal, buildingId: s.buildingId, roadId: s.roadId,
    })),
  };
}

/**
 * The sensor registry of a package: `sensors.json` placed in the city's plane and hierarchy (each
 * sensor's unit at every tier from its finest unit). Throws naming the sensor when its unit is not
 * one of the city's units.
 */
export function registryFromSensorsFile(
  file: SensorsFile, units: readonly UnitRecord[], frame: { toPlane(lonDeg: number, latDeg: number): [number, number] }, city: string,
): SensorRegistry {
  const index = new UnitIndex(units);
  const sensors = file.sensors.map((r, i): SensorInfo => {
    const u = index.indexOf(r.unitId);
    if (u < 0) throw new Error(`sensors.json: /sensors/${i}/unitId: expected the id of a spatial unit of the city, got "${r.unitId}" (sensor ${r.id})`);
    const at = sensorUnits(index, u);
    const [xM, yM] = frame.toPlane(r.lonDeg, r.latDeg);
    return {
      id: r.id, kind: r.kind, topic: r.topic, lonDeg: r.lonDeg, latDeg: r.latDeg, xM: Math.round(xM * 100) / 100, yM: Math.round(yM * 100) / 100,
      unitId: r.unitId, gridId: at.gridId, communityId: at.communityId, streetId: at.streetId, districtId: at.districtId,
      buildingId: r.buildingId, roadId: r.roadId, label: r.label, labelPinyin: r.labelPinyin, nominal: r.nominal,
    };
  });
  return { city, synthetic: file.synthetic, sensors };
}
