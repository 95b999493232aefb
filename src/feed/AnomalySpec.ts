/** The anomalies the simulator can inject, on demand or from the control topic. */
export const ANOMALY_TYPES = ['rainstorm', 'traffic_jam', 'air_pollution', 'power_surge', 'crowd_surge', 'fire', 'hotline_spike'] as const;
export type AnomalyType = (typeof ANOMALY_TYPES)[number];

/**
 * Where, when and how strong. Location: a sensor, a building, a spatial unit (every sensor in it)
 * or lon/lat; with none, the sensor of the type's main kind nearest the city centre. Omitted numbers take the type's defaults.
 */
export interface AnomalySpec {
  type: AnomalyType;
  sensorId?: string;
  buildingId?: string;
  unitId?: string;
  lonDeg?: number;
  latDeg?: number;
  /** Falloff radius (m); 0 = only the sensor nearest the centre. */
  radiusM?: number;
  /** Scale of the effect, 1 = the type's design event (e.g. an 85 mm/h storm). */
  intensity?: number;
  /** Start (epoch ms), default now. */
  startMs?: number;
  durationS?: number;
  /** Ramp in (and out) time (s); 0 = at full strength from the first reading. */
  rampS?: number;
}

type Obj = Record<string, unknown>;

/** Validates a spec (from JSON); throws naming `source`, the field and the expected value. */
export function parseAnomalySpec(data: unknown, source = 'anomaly'): AnomalySpec {
  const bad = (field: string, expected: string, got: unknown): never => {
    throw new Error(`${source}: ${field}: expected ${expected}, got ${JSON.stringify(got) ?? 'nothing'}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) bad('(root)', 'an object', data);
  const o = data as Obj;
  if (!ANOMALY_TYPES.includes(o.type as AnomalyType)) bad('type', `one of ${ANOMALY_TYPES.join('|')}`, o.type);
  const spec: AnomalySpec = { type: o.type as AnomalyType };
  for (const k of ['sensorId', 'buildingId', 'unitId'] as const) {
    if (o[k] === undefined) continue;
    if (typeof o[k] !== 'string' || o[k] === '') bad(k, 'a non-empty id string', o[k]);
    spec[k] = o[k] as string;
  }
  const nums: Array<[keyof AnomalySpec, number, number]> = [
    ['lonDeg', -180, 180], ['latDeg', -90, 90], ['radiusM', 0, 50_000], ['intensity', 0, 10],
    ['startMs', 0, 8.64e15], ['durationS', 0, 7 * 86400], ['rampS', 0, 86400],
  ];
  for (const [k, lo, hi] of nums) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v >= lo && v <= hi)) bad(k, `a number in [${lo}, ${hi}]`, v);
    (spec as unknown as Obj)[k] = v;
  }
  if ((spec.lonDeg === undefined) !== (spec.latDeg === undefined)) bad(spec.lonDeg === undefined ? 'lonDeg' : 'latDeg', 'lonDeg and latDeg together', undefined);
  return spec;
}
