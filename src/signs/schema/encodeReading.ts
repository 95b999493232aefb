import { SENSOR_KIND_SPECS, type SensorKind } from './sensorKinds';

/**
 * The wire form of a reading, `{"id","kind","timeMs","value","unit"}`, as sensors publish it:
 * booleans for alarms, integers for counts, numbers rounded to 1e-3 of the unit otherwise.
 */
export function encodeReading(sensorId: string, kind: SensorKind, timeMs: number, value: number): string {
  const spec = SENSOR_KIND_SPECS[kind];
  const v = spec.valueType === 'boolean' ? value >= 0.5 : spec.valueType === 'integer' ? Math.round(value) : Math.round(value * 1000) / 1000;
  return `{"id":"${sensorId}","kind":"${kind}","timeMs":${Math.round(timeMs)},"value":${v},"unit":"${spec.unit}"}`;
}
