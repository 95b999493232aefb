import type { HubAlert } from '../../../src/hub/state/HubAlert';
import { emptyNotes } from '../../../src/hub/state/HubAlert';
import type { HubStore } from '../../../src/hub/store/HubStore';
import type { SensorInfo } from '../../../src/signs/registry/SensorInfo';

/** The clock of the history tests: a whole minute. */
export const HISTORY_NOW = Math.floor(Date.now() / 60_000) * 60_000;

/**
 * 24 h of a gauge every 30 s (2.5 m with a slow swell), 1-minute aggregates over 7 days before
 * that, a district snapshot every minute, and one alert raised 3 h ago, acknowledged, resolved 2 h ago.
 */
export async function fillHistory(store: HubStore, gauge: SensorInfo): Promise<void> {
  const ids: string[] = [], times: number[] = [], values: number[] = [];
  for (let t = HISTORY_NOW - 86_400_000 + 30_000; t <= HISTORY_NOW; t += 30_000) {
    ids.push(gauge.id); times.push(t); values.push(2.5 + 0.5 * Math.sin(t / 3_600_000));
  }
  await store.insertReadings({ sensorIds: ids, timesMs: times, values });
  await store.aggregateMinutes(HISTORY_NOW - 7 * 86_400_000, HISTORY_NOW + 60_000);
  for (let t = HISTORY_NOW - 86_400_000 + 60_000; t <= HISTORY_NOW; t += 60_000) {
    await store.insertSnapshot({
      v: 1, cityId: 'demo', hubId: store.hubId, tier: 'district', districtId: gauge.districtId, timeMs: t,
      kinds: ['water_level', 'rainfall'], units: [gauge.districtId], values: [[2.5], [null]], fresh: [[1], [0]], stale: [[0], [0]],
    });
  }
  const raisedAtMs = HISTORY_NOW - 3 * 3_600_000;
  const a: HubAlert = {
    id: `${gauge.id}~water_level_warning~${raisedAtMs}`, sensorId: gauge.id, kind: gauge.kind, ruleId: 'water_level.warning', severity: 'orange',
    title: 'Water level warning', titleZh: '水位警戒', state: 'raised', raisedAtMs, acknowledgedAtMs: null, resolvedAtMs: null, resolution: null,
    value: 4.2, lastValue: 4.2, peakValue: 4.2, unit: 'm', limit: 4, label: gauge.label, labelPinyin: gauge.labelPinyin, lonDeg: gauge.lonDeg, latDeg: gauge.latDeg,
    gridId: gauge.gridId, communityId: gauge.communityId, streetId: gauge.streetId, districtId: gauge.districtId, buildingId: null, ...emptyNotes(), hubId: store.hubId,
  };
  await store.recordAlert(a, 'raised', null, undefined, raisedAtMs);
  await store.recordAlert({ ...a, state: 'acknowledged', acknowledgedAtMs: raisedAtMs + 600_000, acknowledgedBy: 'op-city' }, 'acknowledged', 'op-city', undefined, raisedAtMs + 600_000);
  await store.recordAlert({ ...a, state: 'resolved', acknowledgedAtMs: raisedAtMs + 600_000, acknowledgedBy: 'op-city', resolvedAtMs: raisedAtMs + 3_600_000, resolution: 'auto' }, 'resolved', null, undefined, raisedAtMs + 3_600_000);
}
