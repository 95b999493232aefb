import type { SensorRegistry } from '../src/signs/registry/SensorInfo';
import { sensorTopic } from '../src/signs/topics';
import { demoRegistry } from '../test/support/demoPackage';

/**
 * The demo city's sensors copied until there are `count` (ids `<id>-r<copy>`, same places and
 * units): a city with 10^5 sensors on the demo's spatial units, the same in every process.
 */
export async function scaledRegistry(count: number): Promise<SensorRegistry> {
  const registry = await demoRegistry();
  const sensors = [];
  for (let copy = 0; sensors.length < count; copy++) {
    for (const s of registry.sensors) {
      if (sensors.length === count) break;
      const id = `${s.id}-r${copy}`;
      sensors.push({ ...s, id, topic: sensorTopic(registry.city, s.districtId, s.kind, id) });
    }
  }
  return { ...registry, sensors };
}
