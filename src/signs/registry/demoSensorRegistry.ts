import { DEFAULT_DEMO_SEED, generateDemoCity, type DemoCity } from '../../pipeline/demo-city/generateDemoCity';
import { buildSensorRegistry } from './buildSensorRegistry';
import type { SensorRegistry } from './SensorInfo';

/**
 * The demo city and its sensor registry (~0.3 s). Both the simulator (node) and the display
 * (browser) call this with the same seed, so they agree on every sensor id, topic and position.
 */
export function demoSensorRegistry(seed = DEFAULT_DEMO_SEED, city: DemoCity = generateDemoCity(seed)): { city: DemoCity; registry: SensorRegistry } {
  return { city, registry: buildSensorRegistry(city) };
}
