import type { SensorKind } from '../signs/schema/sensorKinds';
import type { AnomalyType } from './AnomalySpec';

/** How an anomaly changes one kind: add amount, multiply by (1 + amount), or set to amount. */
export interface AnomalyEffect {
  kind: SensorKind;
  mode: 'add' | 'mul' | 'set';
  /** At intensity 1 and full strength, in the kind's unit (add, set) or as a fraction (mul). */
  amount: number;
  /** Own ramp (s) when the spec gives none (the river responds slower than the rain). */
  rampS?: number;
  /** River gauges downstream of the centre respond too (water level). */
  downstream?: boolean;
}

export interface AnomalyTypeSpec {
  radiusM: number;
  durationS: number;
  rampS: number;
  effects: AnomalyEffect[];
}

/** Design events per type, tuned so intensity 1 crosses the shipped rules' upper levels. */
export const ANOMALY_TYPE_SPECS: Readonly<Record<AnomalyType, AnomalyTypeSpec>> = {
  rainstorm: {
    radiusM: 2500, durationS: 3600, rampS: 60,
    effects: [{ kind: 'rainfall', mode: 'add', amount: 85 }, { kind: 'water_level', mode: 'add', amount: 3.2, rampS: 900, downstream: true }],
  },
  traffic_jam: { radiusM: 700, durationS: 1800, rampS: 120, effects: [{ kind: 'traffic_speed', mode: 'mul', amount: -0.85 }] },
  air_pollution: { radiusM: 2000, durationS: 7200, rampS: 600, effects: [{ kind: 'air_quality', mode: 'add', amount: 230 }] },
  power_surge: { radiusM: 1500, durationS: 1800, rampS: 60, effects: [{ kind: 'power_load', mode: 'mul', amount: 0.45 }] },
  crowd_surge: { radiusM: 300, durationS: 1800, rampS: 120, effects: [{ kind: 'crowd_density', mode: 'add', amount: 4.6 }] },
  fire: { radiusM: 0, durationS: 1800, rampS: 0, effects: [{ kind: 'fire_alarm', mode: 'set', amount: 1 }] },
  hotline_spike: { radiusM: 1500, durationS: 1800, rampS: 60, effects: [{ kind: 'hotline_12345', mode: 'add', amount: 12 }] },
};

/** Strength 0..1 at tMs of an event starting at startMs, ramping over rampMs, at full strength until endMs. */
export function envelope(tMs: number, startMs: number, endMs: number, rampMs: number): number {
  if (tMs < startMs) return 0;
  if (tMs <= endMs) return rampMs > 0 ? Math.min(1, (tMs - startMs) / rampMs) : 1;
  return rampMs > 0 ? Math.max(0, 1 - (tMs - endMs) / rampMs) : 0;
}
