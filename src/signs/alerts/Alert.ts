import type { SensorKind } from '../schema/sensorKinds';
import type { Severity } from '../rules/SignsRule';

/** Lifecycle: raised -> acknowledged -> resolved (raised -> resolved when it clears before anyone acknowledges). */
export type AlertState = 'raised' | 'acknowledged' | 'resolved';

/** What happened to an alert, as delivered to 'alert' listeners. */
export type AlertChange = 'raised' | 'acknowledged' | 'resolved';

/** An early-warning alert: plain data, updated in place by the store as readings arrive. */
export interface Alert {
  /** 'AL-<sequence>' in raising order. */
  id: string;
  sensorId: string;
  kind: SensorKind;
  ruleId: string;
  severity: Severity;
  title: string;
  titleZh: string;
  state: AlertState;
  /** Reading time that raised it (epoch ms). */
  raisedAtMs: number;
  acknowledgedAtMs: number | null;
  resolvedAtMs: number | null;
  /** 'auto': normal for the rule's hold time; 'manual': an operator closed it. */
  resolution: 'auto' | 'manual' | null;
  /** Value that raised it, the latest value and the worst value seen, in `unit`. */
  value: number;
  lastValue: number;
  peakValue: number;
  /** Display unit of the values. */
  unit: string;
  /** The limit the rule compared with, in `unit` (per window for rate rules). */
  limit: number;
  label: string;
  labelPinyin: string;
  lonDeg: number;
  latDeg: number;
  gridId: string;
  communityId: string;
  streetId: string;
  districtId: string;
  buildingId: string | null;
}
