import { SENSOR_KIND_SPECS, SENSOR_KINDS, type SensorKind } from '../schema/sensorKinds';
import { sensorTopic } from '../topics';
import { UnitIndex } from '../units/UnitIndex';
import { UnitLocator } from '../../twin/UnitLocator';
import { placeAreaSensors } from './placeAreaSensors';
import { placeCrowdCameras, placeFireAlarms } from './placeBuildingSensors';
import { placeTrafficDetectors, placeWaterGauges } from './placeLineSensors';
import type { Placement, RegistryCity } from './RegistryCity';
import type { SensorInfo, SensorRegistry } from './SensorInfo';

const LEVEL_COMMUNITY = 1, LEVEL_STREET = 2, LEVEL_DISTRICT = 3;

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
 * public and large commercial buildings. Pure and deterministic: the same city gives the same
 * registry in node (simulator) and in the browser (display).
 */
export function buildSensorRegistry(city: RegistryCity): SensorRegistry {
  const units = new UnitIndex(city.units);
  const locator = new UnitLocator(city.units);
  const chain = new Int32Array(5);
  const inCity = (x: number, y: number) => locator.locate(x, y) !== null;
  const byKind = placementsByKind(city, inCity);
  const sensors: SensorInfo[] = [];
  for (const kind of SENSOR_KINDS) {
    const spec = SENSOR_KIND_SPECS[kind];
    let seq = 0;
    for (const p of byKind[kind]) {
      const gridId = locator.locate(p.xM, p.yM);
      if (gridId === null) continue;
      units.chain(units.require(gridId), chain, 0);
      const id = `${spec.idPrefix}-${String(++seq).padStart(5, '0')}`;
      const districtId = units.ids[chain[LEVEL_DISTRICT]];
      const [lonDeg, latDeg] = city.frame.toLonLat(p.xM, p.yM);
      const path = units.pathName(chain[0]), pathPy = units.pathName(chain[0], true);
      sensors.push({
        id, kind, topic: sensorTopic(districtId, kind, id),
        lonDeg: Math.round(lonDeg * 1e7) / 1e7, latDeg: Math.round(latDeg * 1e7) / 1e7, xM: p.xM, yM: p.yM,
        gridId, communityId: units.ids[chain[LEVEL_COMMUNITY]], streetId: units.ids[chain[LEVEL_STREET]], districtId,
        buildingId: p.buildingId ?? null, roadId: p.roadId ?? null,
        label: p.place ? (p.buildingId ? p.place : `${path} · ${p.place}`) : path,
        labelPinyin: p.placePinyin ? (p.buildingId ? p.placePinyin : `${p.placePinyin}, ${pathPy}`) : pathPy,
        nominal: p.nominal,
      });
    }
  }
  return { citySeed: city.seed, sensors };
}
