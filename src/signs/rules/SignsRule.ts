import type { SensorKind } from '../schema/sensorKinds';

/** The Chinese four-colour early-warning levels, least to most severe. */
export const SEVERITIES = ['blue', 'yellow', 'orange', 'red'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One early-warning rule, validated (see parseRuleConfig). */
export interface SignsRule {
  id: string;
  kind: SensorKind;
  /** threshold: value op limit; rate: (value now - value windowS ago) op limit. */
  type: 'threshold' | 'rate';
  op: '>=' | '<=';
  /** Threshold or change, in the kind's unit (or as a ratio of the sensor's nominal with basis 'nominal'). */
  value: number;
  basis: 'absolute' | 'nominal';
  /** Rate window (s); 0 for thresholds. */
  windowS: number;
  severity: Severity;
  /** Normal readings needed for this long before an open alert resolves itself (s). */
  holdS: number;
  title: string;
  titleZh: string;
}

/** A validated rules file. */
export interface RuleConfig {
  rules: SignsRule[];
}
