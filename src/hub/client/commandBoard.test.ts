import { describe, expect, it } from 'vitest';
import type { HubAlert } from '../state/HubAlert';
import type { HubStatus } from '../state/HubStatus';
import { alertCounts, tickerLine, vitalSigns } from './commandBoard';
import { hubHealth } from './hubHealth';
import { HubState } from './HubState';

const alert = (id: string, severity: HubAlert['severity'], districtId: string, state: HubAlert['state'] = 'raised', kind: HubAlert['kind'] = 'fire_alarm'): HubAlert => ({
  id, sensorId: `S-${id}`, kind, ruleId: 'r', severity, title: 'Fire alarm', titleZh: '火警', state, raisedAtMs: Date.UTC(2026, 11, 1, 6, 2), acknowledgedAtMs: state === 'acknowledged' ? Date.UTC(2026, 11, 1, 6, 5) : null,
  resolvedAtMs: null, resolution: null, value: 1, lastValue: 1, peakValue: 1, unit: 'state', limit: 1, label: 'Tower A', labelPinyin: 'Tower A', lonDeg: 104, latDeg: 30.6,
  gridId: 'g', communityId: 'c', streetId: 's', districtId, buildingId: null, hubId: 'h1', acknowledgedBy: state === 'acknowledged' ? 'op' : null, resolvedBy: null, comments: [], silencedUntilMs: null, silencedBy: null,
});

const status = (hubId: string, timeMs: number, store: HubStatus['store']): HubStatus => ({
  hubId, districts: [], startedAtMs: 0, timeMs, sensors: 10, openAlerts: 0, bySeverity: { blue: 0, yellow: 0, orange: 0, red: 0 }, readingsPerS: 120, rejectedPerS: 0, store,
});
const storeOk = { state: 'ok' as const, pendingReadings: 0, pendingWrites: 0, writtenReadings: 5, droppedReadings: 0, lastError: null, lastOkMs: 0 };

describe('command board (wall panels)', () => {
  it('counts open alerts by severity per district and for the city, districts without alerts included', () => {
    const c = alertCounts([alert('a', 'red', 'D1'), alert('b', 'yellow', 'D1', 'acknowledged'), alert('c', 'red', 'D9')], ['D1', 'D2']);
    expect(c.districts.map((d) => [d.districtId, d.counts.red, d.counts.yellow, d.total])).toEqual([['D1', 1, 1, 2], ['D2', 0, 0, 0], ['D9', 1, 0, 1]]);
    expect(c.city).toEqual({ blue: 0, yellow: 1, orange: 0, red: 2 });
    expect([c.total, c.acknowledged]).toEqual([3, 1]);
  });

  it('takes vital signs from the city tier and their state from the worst open alert of the kind', () => {
    const s = new HubState('demo');
    const msg = { v: 1, cityId: 'demo', hubId: 'h1', tier: 'city', districtId: null, timeMs: 1, kinds: ['water_level', 'fire_alarm'], units: ['CITY'], values: [[2.5], [1]], fresh: [[4], [9]], stale: [[1], [0]] };
    expect(s.ingest('hub/demo/indicators/city', JSON.stringify(msg))).toBe(true);
    s.ingest('hub/demo/alerts/a', JSON.stringify(alert('a', 'orange', 'D1')));
    s.ingest('hub/demo/alerts/b', JSON.stringify(alert('b', 'red', 'D1')));
    const v = vitalSigns(s);
    const water = v.find((x) => x.kind === 'water_level')!, fire = v.find((x) => x.kind === 'fire_alarm')!, air = v.find((x) => x.kind === 'air_quality')!;
    expect(water).toMatchObject({ value: 2.5, fresh: 4, stale: 1, severity: null, cityUnitId: 'CITY', unitLabel: 'm' });
    expect(fire).toMatchObject({ value: 1, severity: 'red', openAlerts: 2 });
    expect(air).toMatchObject({ value: null, fresh: 0 });
  });

  it('words ticker lines with time, severity, what and who', () => {
    expect(tickerLine(alert('a', 'red', 'D1', 'acknowledged'), 'updated', 0, 'UTC').text).toBe('06:05 red · Fire alarm · Tower A acknowledged by op');
    expect(tickerLine(alert('a', 'red', 'D1'), 'added', 0, 'UTC').text).toBe('06:02 red · Fire alarm · Tower A raised');
  });

  it('says a hub is ok, its store is retrying with what waits, or that it went silent', () => {
    expect(hubHealth([], 0).level).toBe('silent');
    expect(hubHealth([status('h1', 10_000, storeOk)], 11_000)).toMatchObject({ level: 'ok', text: 'hub ok · 120 readings/s' });
    const away = { ...storeOk, state: 'retrying' as const, pendingReadings: 1500, pendingWrites: 3, lastError: 'connection refused' };
    expect(hubHealth([status('h1', 10_000, storeOk), status('h2', 10_000, away)], 11_000)).toMatchObject({ level: 'degraded', text: 'hub store retrying · 1,503 waiting' });
    expect(hubHealth([status('h1', 10_000, storeOk)], 17_000).level).toBe('ok');
    expect(hubHealth([status('h1', 10_000, storeOk)], 22_000)).toMatchObject({ level: 'silent', text: 'hub silent 12 s' });
  });
});
