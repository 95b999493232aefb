import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../pipeline/demo-city/generateDemoCity';
import { SENSOR_KINDS } from '../schema/sensorKinds';
import { sensorIdOfTopic } from '../topics';
import { UnitIndex } from '../units/UnitIndex';
import { buildSensorRegistry } from './buildSensorRegistry';

const city = generateDemoCity();
const registry = buildSensorRegistry({ ...city, name: 'demo' });

describe('buildSensorRegistry', () => {
  it('places thousands of sensors of every kind on the demo city', () => {
    const counts = Object.fromEntries(SENSOR_KINDS.map((k) => [k, registry.sensors.filter((s) => s.kind === k).length]));
    expect(registry.sensors.length).toBeGreaterThan(3000);
    for (const k of SENSOR_KINDS) expect(counts[k], k).toBeGreaterThan(0);
    expect(counts.rainfall).toBe(city.units.filter((u) => u.level === 'street').length);
    expect(counts.air_quality).toBe(city.units.filter((u) => u.level === 'community').length);
    expect(counts.water_level).toBeGreaterThan(20);
  });

  it('gives every sensor a unique id, a consistent unit chain and a topic that parses back to its id', () => {
    const units = new UnitIndex(city.units);
    const ids = new Set<string>();
    const buildings = new Set(city.buildings.map((b) => b.id));
    for (const s of registry.sensors) {
      expect(ids.has(s.id)).toBe(false);
      ids.add(s.id);
      expect(sensorIdOfTopic(s.topic)).toBe(s.id);
      expect(s.topic).toBe(`city/demo/${s.districtId}/${s.kind}/${s.id}`);
      expect(s.unitId).toBe(s.gridId);
      const chain = new Int32Array(5);
      units.chain(units.require(s.gridId), chain, 0);
      expect([1, 2, 3].map((l) => units.ids[chain[l]])).toEqual([s.communityId, s.streetId, s.districtId]);
      if (s.kind === 'fire_alarm' || s.kind === 'crowd_density') expect(buildings.has(s.buildingId!)).toBe(true);
      if (s.kind === 'traffic_speed') expect(s.roadId).toMatch(/^R-/);
      expect(Number.isFinite(s.nominal)).toBe(true);
      expect(Math.abs(s.lonDeg - 104.06)).toBeLessThan(0.06);
      expect(Math.abs(s.latDeg - 30.66)).toBeLessThan(0.05);
    }
  });

  it('is deterministic plain data: the same city gives the same JSON', () => {
    const again = buildSensorRegistry({ ...generateDemoCity(), name: 'demo' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(registry));
    expect(JSON.parse(JSON.stringify(registry))).toEqual(registry);
  });
});
