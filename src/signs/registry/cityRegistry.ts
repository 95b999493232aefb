import type { CityPackage } from '../../twin/package/CityPackage';
import { buildSensorRegistry } from './buildSensorRegistry';
import { registryFromSensorsFile } from './sensorRecords';
import type { SensorRegistry } from './SensorInfo';

/**
 * The sensor registry of a city package, the same in the feed simulator (node) and the display
 * (browser): its sensors.json when it lists one, else sensors placed by the simulator's rules on
 * the city (marked synthetic). Both sides derive the same ids, topics and positions.
 */
export async function cityRegistry(pkg: CityPackage): Promise<SensorRegistry> {
  const [file, units] = await Promise.all([pkg.sensors(), pkg.units()]);
  if (file) return registryFromSensorsFile(file, units, pkg.frame, pkg.name);
  const [buildings, roads, water] = await Promise.all([pkg.buildings(), pkg.roads(), pkg.water()]);
  const river = water.flatMap((w) => w.rings).sort((a, b) => b.length - a.length)[0] ?? [];
  return buildSensorRegistry({ name: pkg.name, frame: pkg.frame, units, buildings, roads, river });
}
