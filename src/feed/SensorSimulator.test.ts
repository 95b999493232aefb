import { describe, expect, it } from 'vitest';
import { demoRegistry } from '../../test/support/demoPackage';
import { SENSOR_KIND_SPECS } from '../signs/schema/sensorKinds';
import { parseAnomalySpec } from './AnomalySpec';
import { envelope } from './anomalyEffects';
import { naturalRateHz, SensorSimulator } from './SensorSimulator';

const registry = await demoRegistry();
const sim = (seed: number, rateHz = 0) => new SensorSimulator({ registry, url: 'mqtt://unused', username: 'u', password: 'p', seed, rateHz });
// 2026-11-24 08:30 and 03:00 in Chengdu (UTC+8).
const RUSH = Date.UTC(2026, 10, 24, 0, 30), NIGHT = Date.UTC(2026, 10, 23, 19, 0);
const indicesOf = (kind: string) => registry.sensors.flatMap((s, i) => (s.kind === kind ? [i] : []));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('SensorSimulator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = sim(1), b = sim(1), c = sim(2);
    const pick = [0, 50, 100, 600, 1000, 2000, 4000];
    const read = (s: SensorSimulator) => pick.map((i) => s.valueAt(i, RUSH + i * 1000));
    expect(read(a)).toEqual(read(b));
    expect(read(a)).not.toEqual(read(c));
  });

  it('keeps every reading inside its kind\'s valid range, with daily cycles', () => {
    const s = sim(3);
    for (let i = 0; i < registry.sensors.length; i += 7) {
      const spec = SENSOR_KIND_SPECS[registry.sensors[i].kind];
      for (const t of [RUSH, NIGHT]) {
        const v = s.valueAt(i, t);
        expect(v).toBeGreaterThanOrEqual(spec.min);
        expect(v).toBeLessThanOrEqual(spec.max);
      }
    }
    const traffic = indicesOf('traffic_speed');
    expect(mean(traffic.map((i) => s.valueAt(i, RUSH)))).toBeLessThan(0.8 * mean(traffic.map((i) => s.valueAt(i, NIGHT))));
    const power = indicesOf('power_load');
    expect(mean(power.map((i) => s.valueAt(i, NIGHT)))).toBeLessThan(mean(power.map((i) => s.valueAt(i, Date.UTC(2026, 10, 24, 12)))));
  });

  it('raises rainfall and the river downstream in a rainstorm, ramping in', () => {
    const s = sim(4);
    const a = s.field.add(parseAnomalySpec({ type: 'rainstorm', startMs: RUSH }), RUSH);
    const gauges = indicesOf('water_level').filter((i) => a.sensors.includes(i));
    const rain = indicesOf('rainfall').filter((i) => a.sensors.includes(i));
    expect(gauges.length).toBeGreaterThan(5);
    expect(rain.length).toBeGreaterThan(3);
    const wl = (t: number) => Math.max(...gauges.map((i) => s.valueAt(i, t)));
    expect(wl(RUSH + 1000)).toBeLessThan(4);
    expect(wl(RUSH + 900_000)).toBeGreaterThan(5);
    expect(Math.max(...rain.map((i) => s.valueAt(i, RUSH + 120_000)))).toBeGreaterThan(50);
    s.field.clear(a.id);
    expect(wl(RUSH + 900_000)).toBeLessThan(4);
  });

  it('sets the fire alarm of one building for a fire and scales intervals to a requested rate', () => {
    const s = sim(5);
    const fa = registry.sensors.findIndex((x) => x.kind === 'fire_alarm');
    const a = s.field.add(parseAnomalySpec({ type: 'fire', buildingId: registry.sensors[fa].buildingId! }), RUSH);
    expect(a.sensors).toEqual([fa]);
    expect(s.valueAt(fa, RUSH)).toBe(1);
    expect(s.valueAt(fa + 1, RUSH)).toBe(0);
    const natural = naturalRateHz(registry.sensors);
    expect(sim(1, natural * 4).intervalScale).toBeCloseTo(0.25);
    expect(sim(1).intervalScale).toBe(1);
  });

  it('checks anomaly specs and names the bad field', () => {
    expect(() => parseAnomalySpec({ type: 'fire', intensity: 50 })).toThrow('anomaly: intensity: expected a number in [0, 10], got 50');
    expect(() => parseAnomalySpec({ type: 'fire', lonDeg: 104 })).toThrow('anomaly: latDeg: expected lonDeg and latDeg together');
    expect(() => parseAnomalySpec([1], 'control/anomaly')).toThrow('control/anomaly: (root): expected an object, got [1]');
    expect(() => sim(1).field.add({ type: 'fire', buildingId: 'B-nope' }, RUSH)).toThrow('anomaly buildingId: expected an id from the sensor registry, got "B-nope"');
    expect([envelope(0, 10, 20, 10), envelope(15, 10, 20, 10), envelope(20, 10, 20, 10), envelope(25, 10, 20, 10), envelope(31, 10, 20, 10)]).toEqual([0, 0.5, 1, 0.5, 0]);
  });
});
