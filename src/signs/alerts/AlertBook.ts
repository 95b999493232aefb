import type { SignsRule } from '../rules/SignsRule';
import { SENSOR_KIND_SPECS } from '../schema/sensorKinds';
import type { SensorInfo } from '../registry/SensorInfo';
import { SEVERITIES } from '../rules/SignsRule';
import type { Alert } from './Alert';

/**
 * All alerts, open and recently resolved. Owns the lifecycle transitions; callers (the rule
 * engine, the operator through the store) ask for a transition and get false when it does not
 * apply (acknowledging a resolved alert, resolving twice).
 */
export class AlertBook {
  private readonly byId = new Map<string, Alert>();
  private readonly openSet = new Set<Alert>();
  private readonly history: Alert[] = [];
  private seq = 0;

  /**
   * @param historyLimit resolved alerts kept for the list (oldest dropped first)
   * @param idOf alert ids; default `AL-<sequence>` (one display). The hub uses ids that are the same
   *   wherever the same reading raised the alert (several hubs, a restart), see hubAlertId.
   */
  constructor(private readonly historyLimit = 500, private readonly idOf?: (sensor: SensorInfo, rule: SignsRule, timeMs: number) => string) {}

  raise(sensor: SensorInfo, rule: SignsRule, timeMs: number, value: number, limit: number): Alert {
    const alert: Alert = {
      id: this.idOf ? this.idOf(sensor, rule, timeMs) : `AL-${++this.seq}`, sensorId: sensor.id, kind: sensor.kind, ruleId: rule.id, severity: rule.severity,
      title: rule.title, titleZh: rule.titleZh, state: 'raised', raisedAtMs: timeMs, acknowledgedAtMs: null,
      resolvedAtMs: null, resolution: null, value, lastValue: value, peakValue: value,
      unit: SENSOR_KIND_SPECS[sensor.kind].unitLabel, limit,
      label: sensor.label, labelPinyin: sensor.labelPinyin, lonDeg: sensor.lonDeg, latDeg: sensor.latDeg,
      gridId: sensor.gridId, communityId: sensor.communityId, streetId: sensor.streetId, districtId: sensor.districtId,
      buildingId: sensor.buildingId,
    };
    this.byId.set(alert.id, alert);
    this.openSet.add(alert);
    return alert;
  }

  /** Puts back an alert kept elsewhere (the hub's store after a restart), open or resolved, as it was. */
  restore(alert: Alert): void {
    if (this.byId.has(alert.id)) return;
    this.byId.set(alert.id, alert);
    if (alert.state === 'resolved') {
      this.history.push(alert);
      while (this.history.length > this.historyLimit) this.byId.delete(this.history.shift()!.id);
    } else this.openSet.add(alert);
  }

  get(id: string): Alert | undefined {
    return this.byId.get(id);
  }

  /** raised -> acknowledged; false for an unknown, acknowledged or resolved alert. */
  acknowledge(id: string, nowMs: number): boolean {
    const a = this.byId.get(id);
    if (!a || a.state !== 'raised') return false;
    a.state = 'acknowledged';
    a.acknowledgedAtMs = nowMs;
    return true;
  }

  /** raised|acknowledged -> resolved; false when unknown or already resolved. */
  resolve(id: string, nowMs: number, how: 'auto' | 'manual'): boolean {
    const a = this.byId.get(id);
    if (!a || a.state === 'resolved') return false;
    a.state = 'resolved';
    a.resolvedAtMs = nowMs;
    a.resolution = how;
    this.openSet.delete(a);
    this.history.push(a);
    while (this.history.length > this.historyLimit) this.byId.delete(this.history.shift()!.id);
    return true;
  }

  /** Open alerts, most severe first, then newest first. */
  open(): Alert[] {
    return [...this.openSet].sort((a, b) =>
      SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || b.raisedAtMs - a.raisedAtMs);
  }

  /** Recently resolved alerts, newest first. */
  resolved(): Alert[] {
    return [...this.history].reverse();
  }

  get openCount(): number {
    return this.openSet.size;
  }
}
