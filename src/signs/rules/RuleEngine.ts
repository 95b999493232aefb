import type { Alert, AlertChange } from '../alerts/Alert';
import type { AlertBook } from '../alerts/AlertBook';
import type { SensorRingBuffers } from '../buffer/SensorRingBuffers';
import type { SensorInfo } from '../registry/SensorInfo';
import { SENSOR_KIND_LIST, SENSOR_KIND_SPECS } from '../schema/sensorKinds';
import type { RuleConfig, SignsRule } from './SignsRule';

/**
 * Evaluates the rules of a sensor's kind on each of its readings and drives its alerts: one open
 * alert per (sensor, rule); raised on the first violating reading; resolved automatically once
 * readings have stayed normal for the rule's hold time. Per-(sensor, rule) state lives in flat
 * arrays; nothing is allocated unless an alert is raised.
 */
export class RuleEngine {
  private readonly byKind: SignsRule[][];
  private readonly slotsPerSensor: number;
  private readonly open: Array<Alert | null>;
  /** Reading time since which the (sensor, rule) has been normal while its alert is open (ms). */
  private readonly normalSinceMs: Float64Array;
  private readonly slotOf = new Map<string, number>();

  constructor(
    config: RuleConfig,
    private readonly sensors: readonly SensorInfo[],
    private readonly buffers: SensorRingBuffers,
    private readonly book: AlertBook,
    private readonly onChange: (alert: Alert, change: AlertChange) => void,
  ) {
    this.byKind = SENSOR_KIND_LIST.map((s) => config.rules.filter((r) => r.kind === s.kind));
    this.slotsPerSensor = Math.max(1, ...this.byKind.map((l) => l.length));
    this.open = new Array(sensors.length * this.slotsPerSensor).fill(null);
    this.normalSinceMs = new Float64Array(sensors.length * this.slotsPerSensor).fill(NaN);
  }

  /** The absolute limit of a rule for sensor s (nominal-based rules scale by the sensor's nominal). */
  limitOf(rule: SignsRule, s: number): number {
    return rule.basis === 'nominal' ? rule.value * this.sensors[s].nominal : rule.value;
  }

  /** Change over the rule's window ending at the newest sample, NaN without two samples in it. */
  private deltaOf(rule: SignsRule, s: number, timeMs: number): number {
    const k = this.buffers.oldestSince(s, timeMs - rule.windowS * 1000);
    if (k <= 0) return NaN;
    return this.buffers.latestValue(s) - this.buffers.values[this.buffers.slot(s, k)];
  }

  /**
   * Applies the rules to sensor s's reading. `newest` is false for a late (out-of-order) reading,
   * which may raise an alert but neither resolves one nor feeds rate rules.
   */
  evaluate(s: number, timeMs: number, value: number, newest: boolean): void {
    const rules = this.byKind[SENSOR_KIND_SPECS[this.sensors[s].kind].index];
    for (let j = 0; j < rules.length; j++) {
      const rule = rules[j];
      if (rule.type === 'rate' && !newest) continue;
      const x = rule.type === 'rate' ? this.deltaOf(rule, s, timeMs) : value;
      const limit = this.limitOf(rule, s);
      const violated = rule.op === '>=' ? x >= limit : x <= limit;
      const slot = s * this.slotsPerSensor + j;
      const alert = this.open[slot];
      if (violated) {
        this.normalSinceMs[slot] = NaN;
        if (alert) this.track(alert, rule, x);
        else this.raise(slot, s, rule, timeMs, x, limit);
      } else if (alert && newest) {
        if (!(this.normalSinceMs[slot] <= timeMs)) this.normalSinceMs[slot] = timeMs;
        if (timeMs - this.normalSinceMs[slot] >= rule.holdS * 1000) this.close(slot, timeMs, 'auto');
        else alert.lastValue = x;
      }
    }
  }

  private track(alert: Alert, rule: SignsRule, x: number): void {
    alert.lastValue = x;
    if (rule.op === '>=' ? x > alert.peakValue : x < alert.peakValue) alert.peakValue = x;
  }

  private raise(slot: number, s: number, rule: SignsRule, timeMs: number, x: number, limit: number): void {
    const alert = this.book.raise(this.sensors[s], rule, timeMs, x, limit);
    this.open[slot] = alert;
    this.slotOf.set(alert.id, slot);
    this.onChange(alert, 'raised');
  }

  private close(slot: number, nowMs: number, how: 'auto' | 'manual'): void {
    const alert = this.open[slot]!;
    this.open[slot] = null;
    this.normalSinceMs[slot] = NaN;
    this.slotOf.delete(alert.id);
    if (this.book.resolve(alert.id, nowMs, how)) this.onChange(alert, 'resolved');
  }

  /**
   * Takes an open alert restored from elsewhere (the hub's store) as the open alert of its
   * (sensor, rule), so the next readings track, resolve or keep it instead of raising a second one.
   * False when its sensor or rule is unknown here, or that slot already has an open alert.
   */
  adopt(alert: Alert, sensorIndex: number): boolean {
    const rules = this.byKind[SENSOR_KIND_SPECS[this.sensors[sensorIndex].kind].index];
    const j = rules.findIndex((r) => r.id === alert.ruleId);
    const slot = sensorIndex * this.slotsPerSensor + j;
    if (j < 0 || this.open[slot]) return false;
    this.open[slot] = alert;
    this.slotOf.set(alert.id, slot);
    return true;
  }

  /** Operator closes an open alert; false when it is not open. */
  resolveManually(alertId: string, nowMs: number): boolean {
    const slot = this.slotOf.get(alertId);
    if (slot === undefined) return false;
    this.close(slot, nowMs, 'manual');
    return true;
  }

  /** The rules applied to a kind index. */
  rulesOfKind(k: number): readonly SignsRule[] {
    return this.byKind[k];
  }
}
