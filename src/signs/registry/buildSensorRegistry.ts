import { SENSOR_KIND_SPECS, SENSOR_KINDS, type SensorKind } from '../schema/sensorKinds';
import { sensorTopic } from '../topics';
import { UnitIndex } from '../units/UnitIndex';
import { UnitLocator } from '../../twin/UnitLocator';
import { placeAreaSensors } from './placeAreaSensors';
import { placeCrowdCameras, placeFireAlarms } from './placeBuildingSensors';
import { placeTrafficDetectors, placeWaterGauges } from './placeLineSensors';
import type { Placement, RegistryCity } from './RegistryCity';
import type { SensorInfo, SensorRegistry } from './SensorInfo';
import { sensorUnits } from './sensorUnits';

function placementsByKind(city: RegistryCity, inCity: (x: number, y: number) => boolean): Record<SensorKind, Placement[]> {
  const area = placeAreaSensors(city);
  return {
    water_level: placeWaterGauges(city, inCity),
    rainfall: area.rainfall,
    traffic_speed: placeTrafficDetectors(city, inCity),
    air_quality: area.air_quality,
    power_load: area.power_load,
    crowd_density: placeCrowdCameras(city),
    hotline_12345: area.hotline_12345,
    fire_alarm: placeFireAlarms(city),
  };
}

/**
 * Places the city's sensors: river gauges along the banks, a rain gauge and a power feeder per
 * street, air stations and hotline tallies per community, traffic detectors on rings, radials and
 * arterials, crowd cameras at the stadium and commercial hubs, fire alarm panels in high-rise,
 * public and large commercial buildings. A city without streets or communities gets the per-street
 * and per-community sensors in each unit of its next finer tier. Pure and deterministic: the same
 * city gives the same registry. The registry is marked synthetic: these are the simulator's rules.
 */
export function buildSensorRegistry(city: RegistryCity): SensorRegistry {
  const units = new UnitIndex(city.units);
  const locator = new UnitLocator(city.units);
  const inCity = (x: number, y: number) => locator.locate(x, y) !== null;
  const byKind = placementsByKind(city, inCity);
  const sensors: SensorInfo[] = [];
  for (const kind of SENSOR_KINDS) {
    const spec = SENSOR_KIND_SPECS[kind];
    let seq = 0;
    for (const p of byKind[kind]) {
      const unitId = locator.locate(p.xM, p.yM);
      if (unitId === null) continue;
      const u = sensorUnits(units, units.require(unitId));
      const id = `${spec.idPrefix}-${String(++seq).padStart(5, '0')}`;
      const [lonDeg, latDeg] = city.frame.toLonLat(p.xM, p.yM);
      sensors.push({
        id, kind, topic: sensorTopic(city.name, u.topicDistrict, kind, id),
        lonDeg: Math.round(lonDeg * 1e7) / 1e7, latDeg: Math.round(latDeg * 1e7) / 1e7, xM: p.xM, yM: p.yM,
        unitId, gridId: u.gridId, communityId: u.communityId, streetId: u.streetId, districtId: u.districtId,
        buildingId: p.buildingId ?? null, roadId: p.roadId ?? null,
        label: p.place ? (p.buildingId ? p.place : `${u.path} · ${p.place}`) : u.path,
        labelPinyin: p.placePinyin ? (p.buildingId ? p.placePinyin : `${p.placePinyin}, ${u.pathPinyin}`) : u.pathPinyin,
        nominal: p.nominal,
      });
    }
  }
  return { city: city.name, synthetic: true, sensors };
}
