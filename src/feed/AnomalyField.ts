import type { SensorInfo } from '../signs/registry/SensorInfo';
import { SENSOR_KIND_SPECS } from '../signs/schema/sensorKinds';
import { ANOMALY_TYPE_SPECS, envelope, type AnomalyEffect } from './anomalyEffects';
import type { AnomalySpec } from './AnomalySpec';

/** An injected anomaly resolved onto sensors. */
export interface ActiveAnomaly {
  id: string;
  spec: AnomalySpec;
  startMs: number;
  /** End of full strength; the effect fades over its ramp after that (epoch ms). */
  endMs: number;
  /** Per effect: affected sensor index -> weight 0..1, and the effect's ramp (ms). */
  parts: Array<{ effect: AnomalyEffect; weights: Map<number, number>; rampMs: number }>;
  /** Every sensor affected (for fast reporting), and when the last effect has faded (epoch ms). */
  sensors: number[];
  fadedMs: number;
}

const M_PER_DEG_LAT = 110_574;

/**
 * The anomalies in force, resolved onto the registry's sensors by location and falloff
 * (exp(-(d/r)²), cut at 5 %), and the function that adds them to an undisturbed reading.
 */
export class AnomalyField {
  readonly active: ActiveAnomaly[] = [];
  private seq = 0;
  private readonly byBuilding = new Map<string, number>();
  private readonly byId = new Map<string, number>();

  constructor(private readonly sensors: readonly SensorInfo[]) {
    sensors.forEach((s, i) => {
      this.byId.set(s.id, i);
      if (s.buildingId && !this.byBuilding.has(s.buildingId)) this.byBuilding.set(s.buildingId, i);
    });
  }

  /** Centre (lon/lat degrees) of a spec; throws naming the field when an id is unknown. */
  private centreOf(spec: AnomalySpec): [number, number] {
    const at = (i: number | undefined, field: string, id: string): [number, number] => {
      if (i === undefined) throw new Error(`anomaly ${field}: expected an id from the sensor registry, got "${id}"`);
      return [this.sensors[i].lonDeg, this.sensors[i].latDeg];
    };
    if (spec.sensorId) return at(this.byId.get(spec.sensorId), 'sensorId', spec.sensorId);
    if (spec.buildingId) return at(this.byBuilding.get(spec.buildingId), 'buildingId', spec.buildingId);
    if (spec.lonDeg !== undefined && spec.latDeg !== undefined) return [spec.lonDeg, spec.latDeg];
    const inUnit = spec.unitId ? this.sensors.filter((s) => this.inUnit(s, spec.unitId!)) : this.sensors;
    if (inUnit.length === 0) throw new Error(`anomaly unitId: expected a unit with sensors, got "${spec.unitId}"`);
    const mid: [number, number] = [inUnit.reduce((a, s) => a + s.lonDeg, 0) / inUnit.length, inUnit.reduce((a, s) => a + s.latDeg, 0) / inUnit.length];
    if (spec.unitId) return mid;
    // No location: at the sensor of the anomaly's main kind nearest the middle of the city.
    const kind = ANOMALY_TYPE_SPECS[spec.type].effects[0].kind;
    let best = mid, bestD = Infinity;
    for (const s of this.sensors) {
      const d = (s.lonDeg - mid[0]) ** 2 + (s.latDeg - mid[1]) ** 2;
      if (s.kind === kind && d < bestD) { bestD = d; best = [s.lonDeg, s.latDeg]; }
    }
    return best;
  }

  private inUnit(s: SensorInfo, unitId: string): boolean {
    return unitId !== '' && (s.unitId === unitId || s.gridId === unitId || s.communityId === unitId || s.streetId === unitId || s.districtId === unitId);
  }

  private weightsOf(effect: AnomalyEffect, spec: AnomalySpec, centre: [number, number], radiusM: number): Map<number, number> {
    const w = new Map<number, number>();
    const mLon = M_PER_DEG_LAT * Math.cos((centre[1] * Math.PI) / 180);
    let nearest = -1, nearestD = Infinity;
    this.sensors.forEach((s, i) => {
      if (s.kind !== effect.kind) return;
      if (spec.unitId && !spec.sensorId && !spec.buildingId && spec.lonDeg === undefined) { if (this.inUnit(s, spec.unitId)) w.set(i, 1); return; }
      const dx = (s.lonDeg - centre[0]) * mLon, dy = (s.latDeg - centre[1]) * M_PER_DEG_LAT, d = Math.hypot(dx, dy);
      if (d < nearestD) { nearestD = d; nearest = i; }
      if (radiusM <= 0) return;
      let weight = Math.exp(-((d / radiusM) ** 2));
      // The river carries a storm's water downstream (west -> east in the demo city).
      if (effect.downstream && dx > 0) weight = Math.max(weight, 1 / (1 + dx / 6000));
      if (weight >= 0.05) w.set(i, weight);
    });
    // An anomaly always hits something: with no sensor of the kind within reach, the nearest one.
    if (w.size === 0 && nearest >= 0) w.set(nearest, 1);
    return w;
  }

  /** Resolves and activates a spec at nowMs (startMs defaults to it); returns the active anomaly. */
  add(spec: AnomalySpec, nowMs: number): ActiveAnomaly {
    const type = ANOMALY_TYPE_SPECS[spec.type];
    const centre = this.centreOf(spec);
    const radiusM = spec.radiusM ?? type.radiusM;
    const startMs = spec.startMs ?? nowMs, endMs = startMs + (spec.durationS ?? type.durationS) * 1000;
    const parts = type.effects.map((effect) => ({
      effect, weights: this.weightsOf(effect, spec, centre, radiusM), rampMs: (spec.rampS ?? effect.rampS ?? type.rampS) * 1000,
    }));
    const sensors = [...new Set(parts.flatMap((p) => [...p.weights.keys()]))];
    const fadedMs = endMs + Math.max(...parts.map((p) => p.rampMs));
    const a: ActiveAnomaly = { id: `AN-${++this.seq}`, spec, startMs, endMs, parts, sensors, fadedMs };
    this.active.push(a);
    return a;
  }

  /** Removes one anomaly (or all with no id); returns how many were removed. */
  clear(id?: string): number {
    const before = this.active.length;
    for (let i = this.active.length - 1; i >= 0; i--) if (!id || this.active[i].id === id) this.active.splice(i, 1);
    return before - this.active.length;
  }

  /** Drops anomalies that have faded out by nowMs. */
  expire(nowMs: number): void {
    for (let i = this.active.length - 1; i >= 0; i--) if (this.active[i].fadedMs < nowMs) this.active.splice(i, 1);
  }

  /** The reading of sensor s at tMs with every anomaly in force applied, clamped to the kind's range. */
  apply(s: number, tMs: number, base: number): number {
    let v = base;
    const kind = this.sensors[s].kind;
    for (const a of this.active) {
      const intensity = a.spec.intensity ?? 1;
      for (const p of a.parts) {
        if (p.effect.kind !== kind) continue;
        const w = p.weights.get(s);
        if (w === undefined) continue;
        const e = envelope(tMs, a.startMs, a.endMs, p.rampMs) * w * intensity;
        if (e <= 0) continue;
        if (p.effect.mode === 'add') v += p.effect.amount * e;
        else if (p.effect.mode === 'mul') v *= 1 + p.effect.amount * e;
        else v = Math.max(v, p.effect.amount);
      }
    }
    const spec = SENSOR_KIND_SPECS[kind];
    return Math.min(spec.max, Math.max(spec.min, v));
  }
}
