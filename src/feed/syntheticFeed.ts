import type { SensorRegistry } from '../signs/registry/SensorInfo';
import { encodeReading } from '../signs/schema/encodeReading';
import { SensorSimulator } from './SensorSimulator';

/**
 * Offline messages for tests and benchmarks: `count` simulator readings for the registry, round
 * robin over its sensors, one second apart per round, ending now; the topics and UTF-8 payload
 * bytes the broker would hand the display.
 */
export function syntheticFeed(registry: SensorRegistry, count: number, seed = 11): { topics: string[]; payloads: Uint8Array[] } {
  const sim = new SensorSimulator({ registry, url: 'mqtt://unused', username: 'u', password: 'p', seed });
  const n = registry.sensors.length, enc = new TextEncoder();
  const rounds = Math.ceil(count / n), t0 = Date.now() - rounds * 1000;
  const topics: string[] = [], payloads: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const s = i % n, t = t0 + Math.floor(i / n) * 1000 + (s % 1000) / 1000;
    const sensor = registry.sensors[s];
    topics.push(sensor.topic);
    payloads.push(enc.encode(encodeReading(sensor.id, sensor.kind, t, sim.valueAt(s, t))));
  }
  return { topics, payloads };
}
