/**
 * The sensor kinds of the vital-signs feed: the one source of truth for each kind's unit, valid
 * range, value type, reporting interval, aggregation per spatial unit and delivery QoS. The
 * validator, the ring buffers, staleness, indicators, the simulator and the legends all read it.
 */

export const SENSOR_KINDS = [
  'water_level', 'rainfall', 'traffic_speed', 'air_quality', 'power_load', 'crowd_density', 'hotline_12345', 'fire_alarm',
] as const;
export type SensorKind = (typeof SENSOR_KINDS)[number];

/** How readings of one kind combine over the sensors of a spatial unit. */
export type Aggregation = 'mean' | 'max' | 'sum';

export interface SensorKindSpec {
  kind: SensorKind;
  /** Index in SENSOR_KINDS (used for typed-array tables). */
  index: number;
  /** Unit string a message must carry in `unit` (ASCII, as on the wire). */
  unit: string;
  /** Unit for display (may use non-ASCII symbols). */
  unitLabel: string;
  title: string;
  titleZh: string;
  /** Inclusive valid range of `value`, in `unit`. */
  min: number;
  max: number;
  /** 'number': any finite number; 'integer': a count; 'boolean': true/false (stored 1/0). */
  valueType: 'number' | 'integer' | 'boolean';
  /** Nominal reporting interval of one sensor (s); staleness and ring capacity derive from it. */
  intervalS: number;
  aggregation: Aggregation;
  /** MQTT QoS the sensor publishes with: events (alarms, hotline calls) must not be lost. */
  qos: 0 | 1;
  /** Topic prefix letter pair of sensor ids, e.g. 'WL' for water level. */
  idPrefix: string;
  /** Extra ring-buffer slots beyond one hour at the nominal rate, for fast reporting during anomalies. */
  burstSlots: number;
}

const spec = (s: Omit<SensorKindSpec, 'index'>): SensorKindSpec => ({ ...s, index: SENSOR_KINDS.indexOf(s.kind) });

/** The table, keyed by kind. */
export const SENSOR_KIND_SPECS: Readonly<Record<SensorKind, SensorKindSpec>> = {
  water_level: spec({
    kind: 'water_level', unit: 'm', unitLabel: 'm', title: 'River water level', titleZh: '河道水位', min: 0, max: 30,
    valueType: 'number', intervalS: 30, aggregation: 'max', qos: 0, idPrefix: 'WL', burstSlots: 240,
  }),
  rainfall: spec({
    kind: 'rainfall', unit: 'mm/h', unitLabel: 'mm/h', title: 'Rainfall intensity', titleZh: '降雨强度', min: 0, max: 300,
    valueType: 'number', intervalS: 60, aggregation: 'mean', qos: 0, idPrefix: 'RF', burstSlots: 240,
  }),
  traffic_speed: spec({
    kind: 'traffic_speed', unit: 'km/h', unitLabel: 'km/h', title: 'Traffic speed', titleZh: '道路车速', min: 0, max: 200,
    valueType: 'number', intervalS: 30, aggregation: 'mean', qos: 0, idPrefix: 'TS', burstSlots: 240,
  }),
  air_quality: spec({
    kind: 'air_quality', unit: 'ug/m3', unitLabel: 'µg/m³ PM2.5', title: 'Air quality (PM2.5)', titleZh: '空气质量(PM2.5)',
    min: 0, max: 1000, valueType: 'number', intervalS: 60, aggregation: 'mean', qos: 0, idPrefix: 'AQ', burstSlots: 240,
  }),
  power_load: spec({
    kind: 'power_load', unit: 'MW', unitLabel: 'MW', title: 'Power load', titleZh: '电力负荷', min: 0, max: 500,
    valueType: 'number', intervalS: 15, aggregation: 'sum', qos: 0, idPrefix: 'PL', burstSlots: 240,
  }),
  crowd_density: spec({
    kind: 'crowd_density', unit: 'persons/m2', unitLabel: 'persons/m²', title: 'Crowd density', titleZh: '人群密度',
    min: 0, max: 10, valueType: 'number', intervalS: 10, aggregation: 'max', qos: 0, idPrefix: 'CD', burstSlots: 240,
  }),
  hotline_12345: spec({
    kind: 'hotline_12345', unit: 'events', unitLabel: 'calls/min', title: '12345 hotline calls', titleZh: '12345热线',
    min: 0, max: 10000, valueType: 'integer', intervalS: 60, aggregation: 'sum', qos: 1, idPrefix: 'HL', burstSlots: 60,
  }),
  fire_alarm: spec({
    kind: 'fire_alarm', unit: 'state', unitLabel: 'alarms', title: 'Fire alarms', titleZh: '火灾报警', min: 0, max: 1,
    valueType: 'boolean', intervalS: 60, aggregation: 'sum', qos: 1, idPrefix: 'FA', burstSlots: 60,
  }),
};

/** Specs in SENSOR_KINDS order, for index-based loops. */
export const SENSOR_KIND_LIST: readonly SensorKindSpec[] = SENSOR_KINDS.map((k) => SENSOR_KIND_SPECS[k]);

/** True when `s` names a known kind. */
export function isSensorKind(s: string): s is SensorKind {
  return Object.prototype.hasOwnProperty.call(SENSOR_KIND_SPECS, s);
}
