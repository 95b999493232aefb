import { describe, expect, it } from 'vitest';
import { message, TINY_UNITS, tinyRegistry, tinySensor } from '../../test/unit/signs/tinyCity';
import type { AlertEvent } from './SignsStoreEvents';
import { parseRuleConfig } from './rules/parseRuleConfig';
import { SignsStore } from './SignsStore';
import { SENSOR_KIND_SPECS } from './schema/sensorKinds';

const T0 = Date.UTC(2026, 10, 24, 2, 0, 0);
const rules = parseRuleConfig({
  version: 1,
  defaults: { holdS: 60 },
  rules: [
    { id: 'wl.warn', kind: 'water_level', type: 'threshold', op: '>=', value: 4, severity: 'yellow', title: 'warn' },
    { id: 'wl.rise', kind: 'water_level', type: 'rate', op: '>=', value: 0.5, windowS: 600, severity: 'orange', title: 'rise' },
    { id: 'pl.high', kind: 'power_load', type: 'threshold', op: '>=', value: 1.1, basis: 'nominal', severity: 'orange', title: 'load' },
    { id: 'fa', kind: 'fire_alarm', type: 'threshold', op: '>=', value: 1, severity: 'red', holdS: 0, title: 'fire' },
  ],
});

function setup() {
  const sensors = [
    tinySensor('WL-1', 'water_level', 'G11'), tinySensor('WL-2', 'water_level', 'G12'), tinySensor('WL-3', 'water_level', 'G21'),
    tinySensor('PL-1', 'power_load', 'G11', 50), tinySensor('PL-2', 'power_load', 'G22', 30),
    tinySensor('TS-1', 'traffic_speed', 'G11', 40), tinySensor('TS-2', 'traffic_speed', 'G12', 40),
    tinySensor('FA-1', 'fire_alarm', 'G21'),
  ];
  let now = T0;
  const store = new SignsStore({ registry: tinyRegistry(sensors), units: TINY_UNITS, rules, clock: () => now });
  const events: AlertEvent[] = [];
  store.events.subscribe('alert', (e) => events.push({ ...e, alert: { ...e.alert } }));
  const put = (i: number, t: number, v: number | boolean) => { now = Math.max(now, t); return store.ingest(sensors[i].topic, message(sensors[i], t, v)); };
  return { store, sensors, events, put, setNow: (t: number) => { now = t; } };
}

const K = (k: keyof typeof SENSOR_KIND_SPECS) => SENSOR_KIND_SPECS[k].index;

describe('SignsStore', () => {
  it('aggregates indicators per unit with each kind\'s aggregation (max, sum, mean)', () => {
    const { store, put } = setup();
    put(0, T0, 2.0); put(1, T0, 3.0); put(2, T0, 2.5);
    put(3, T0, 40); put(4, T0, 25);
    put(5, T0, 30); put(6, T0, 50);
    store.tick(T0 + 1000);
    const u = (id: string) => store.units.indexOf(id);
    const ind = store.indicators;
    expect(ind.value(K('water_level'), u('G11'))).toBeCloseTo(2.0);
    expect(ind.value(K('water_level'), u('C1'))).toBeCloseTo(3.0);
    expect(ind.value(K('water_level'), u('S2'))).toBeCloseTo(2.5);
    expect(ind.value(K('water_level'), u('C'))).toBeCloseTo(3.0);
    expect(ind.value(K('power_load'), u('D1'))).toBeCloseTo(65);
    expect(ind.value(K('power_load'), u('S1'))).toBeCloseTo(40);
    expect(ind.value(K('traffic_speed'), u('C1'))).toBeCloseTo(40);
    expect(ind.value(K('traffic_speed'), u('C2'))).toBeNaN();
    expect(ind.freshCounts[K('water_level') * store.units.size + u('C')]).toBe(3);
  });

  it('leaves stale sensors out of indicators and counts them', () => {
    const { store, put, setNow } = setup();
    put(0, T0, 2.0);
    setNow(T0 + 80_000);
    put(1, T0 + 80_000, 3.5);
    const tick = store.tick(T0 + 95_000);
    const c = store.units.indexOf('C1');
    expect(store.indicators.value(K('water_level'), c)).toBeCloseTo(3.5);
    expect(store.indicators.staleCounts[K('water_level') * store.units.size + c]).toBe(1);
    expect(tick.becameStale).toContain(0);
  });

  it('raises one alert per sensor and rule, tracks its peak and resolves it after the hold time', () => {
    const { store, put, events } = setup();
    put(0, T0, 3.9);
    put(0, T0 + 30_000, 4.2);
    put(0, T0 + 60_000, 4.6);
    put(0, T0 + 90_000, 4.4);
    const warn = events.filter((e) => e.alert.ruleId === 'wl.warn');
    expect(warn.map((e) => e.change)).toEqual(['raised']);
    const open = store.openAlerts().find((a) => a.ruleId === 'wl.warn')!;
    expect(open).toMatchObject({ sensorId: 'WL-1', severity: 'yellow', state: 'raised', value: 4.2, peakValue: 4.6, lastValue: 4.4, limit: 4, unit: 'm' });
    expect(store.acknowledge(open.id)).toBe(true);
    expect(store.acknowledge(open.id)).toBe(false);
    put(0, T0 + 120_000, 3.5);
    put(0, T0 + 150_000, 3.6);
    expect(open.state).toBe('acknowledged');
    put(0, T0 + 180_000, 3.4);
    expect(open.state).toBe('resolved');
    expect(open.resolution).toBe('auto');
    expect(open.resolvedAtMs).toBe(T0 + 180_000);
    expect(events.filter((e) => e.alert.id === open.id).map((e) => e.change)).toEqual(['raised', 'acknowledged', 'resolved']);
    put(0, T0 + 210_000, 4.1);
    expect(store.openAlerts().filter((a) => a.ruleId === 'wl.warn')).toHaveLength(1);
    expect(store.openAlerts()[0].id).not.toBe(open.id);
  });

  it('restarts the hold time when the value goes back over the limit', () => {
    const { store, put } = setup();
    put(7, T0, true);
    const fire = store.openAlerts()[0];
    expect(fire).toMatchObject({ kind: 'fire_alarm', severity: 'red', value: 1 });
    put(7, T0 + 1000, false);
    expect(fire.state).toBe('resolved');
    put(0, T0, 4.5);
    put(0, T0 + 30_000, 3);
    put(0, T0 + 60_000, 4.5);
    put(0, T0 + 90_000, 3);
    put(0, T0 + 120_000, 3);
    expect(store.openAlerts().some((a) => a.ruleId === 'wl.warn')).toBe(true);
    put(0, T0 + 150_000, 3);
    expect(store.openAlerts().some((a) => a.ruleId === 'wl.warn')).toBe(false);
  });

  it('fires rate-of-change rules over their window, and nominal-based thresholds per sensor', () => {
    const { store, put } = setup();
    put(1, T0, 2.0);
    put(1, T0 + 300_000, 2.3);
    expect(store.openAlerts()).toHaveLength(0);
    put(1, T0 + 540_000, 2.55);
    expect(store.openAlerts().map((a) => a.ruleId)).toEqual(['wl.rise']);
    expect(store.openAlerts()[0].value).toBeCloseTo(0.55);
    put(3, T0, 54);
    expect(store.openAlerts().some((a) => a.sensorId === 'PL-1')).toBe(false);
    put(3, T0 + 15_000, 56);
    put(4, T0, 34);
    const load = store.openAlerts().filter((a) => a.ruleId === 'pl.high').map((a) => [a.sensorId, Math.round(a.limit * 1e6) / 1e6]);
    expect(new Map(load as Array<[string, number]>)).toEqual(new Map([['PL-1', 55], ['PL-2', 33]]));
  });

  it('drops QoS 1 redeliveries as duplicates and stores late readings in order', () => {
    const { store, put, sensors } = setup();
    expect(put(0, T0 + 2000, 2.0)).toBe(true);
    expect(put(0, T0 + 2000, 2.0)).toBe(false);
    expect(put(0, T0 + 1000, 2.1)).toBe(true);
    expect(store.ingestor.totals()).toMatchObject({ accepted: 2, duplicate: 1 });
    const s = store.sensorSeries(sensors[0].id, T0);
    expect(Array.from(s.timesMs)).toEqual([T0 + 1000, T0 + 2000]);
    expect(Array.from(s.values).map((v) => Math.round(v * 10) / 10)).toEqual([2.1, 2.0]);
  });

  it('hands a reading older than the full buffer to lateReading listeners (history), not to the rules', () => {
    const { store, put, sensors, events } = setup();
    for (let k = 0; k < 2000; k++) put(0, T0 + k * 30_000, 2.0); // far past the buffer's capacity
    const late: Array<{ sensorId: string; timeMs: number; value: number }> = [];
    store.events.subscribe('lateReading', (e) => late.push({ sensorId: e.sensorId, timeMs: e.timeMs, value: e.value }));
    const before = events.length;
    expect(put(0, T0 + 60_000, 9.0)).toBe(false);
    expect(late).toEqual([{ sensorId: sensors[0].id, timeMs: T0 + 60_000, value: 9 }]);
    expect(events.length).toBe(before); // 9 m is over the warning limit, but it is history
    expect(store.ingestor.totals()).toMatchObject({ bad_time: 1 });
  });

  it('raises from a late alarm but does not resolve from a late normal reading', () => {
    const { store, put } = setup();
    put(7, T0 + 10_000, true);
    put(7, T0 + 5000, false);
    expect(store.openAlerts()).toHaveLength(1);
    put(7, T0 + 20_000, false);
    expect(store.openAlerts()).toHaveLength(0);
    put(7, T0 + 15_000, true);
    expect(store.openAlerts()).toHaveLength(1);
  });

  it('lets an operator resolve an open alert, once', () => {
    const { store, put, events } = setup();
    put(7, T0, true);
    const id = store.openAlerts()[0].id;
    expect(store.resolve(id)).toBe(true);
    expect(store.resolve(id)).toBe(false);
    expect(store.acknowledge(id)).toBe(false);
    expect(events.map((e) => [e.change, e.alert.resolution])).toEqual([['raised', null], ['resolved', 'manual']]);
  });

  it('buckets a unit series like its indicator', () => {
    const { store, put } = setup();
    for (let i = 0; i < 6; i++) { put(3, T0 + i * 15_000, 40 + i); put(4, T0 + i * 15_000, 20); }
    const s = store.unitSeries('D1', 'power_load', T0, T0 + 90_000, 30);
    expect(Array.from(s.values)).toEqual([40.5 + 20, 42.5 + 20, 44.5 + 20]);
    expect(s.timesMs[1]).toBe(T0 + 30_000);
  });

  it('emits ticks with counts and stops emitting after dispose', () => {
    const { store, put } = setup();
    let ticks = 0;
    const off = store.events.subscribe('tick', () => ticks++);
    put(0, T0, 2);
    store.ingest('bad/topic', new Uint8Array(0));
    const e = store.tick();
    expect([e.accepted, e.rejected, e.kindsUpdated]).toEqual([1, 1, 1 << K('water_level')]);
    off();
    store.tick();
    expect(ticks).toBe(1);
    store.events.subscribe('tick', () => ticks++);
    store.dispose();
    store.dispose();
    store.tick();
    expect(ticks).toBe(1);
  });
});
