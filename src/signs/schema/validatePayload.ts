import type { RejectionDetail } from './RejectReason';
import { REJECT_REASONS } from './RejectReason';
import { isSensorKind, SENSOR_KIND_SPECS, type SensorKind } from './sensorKinds';

/** A validated reading (scratch object filled by validatePayload; copy what you keep). */
export interface ParsedReading {
  sensorId: string;
  kind: SensorKind;
  /** Epoch time of the measurement (ms). */
  timeMs: number;
  /** Value in the kind's unit; booleans are 1/0. */
  value: number;
}

/** Accepted clock skew of a reading ahead of the receiver's clock (ms). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;
/** Oldest accepted reading relative to the receiver's clock (ms): a day of buffered QoS 1 events. */
export const MAX_AGE_MS = 24 * 3_600_000;

const R = Object.fromEntries(REJECT_REASONS.map((r, i) => [r, i])) as Record<(typeof REJECT_REASONS)[number], number>;

function fail(detail: RejectionDetail, code: number, field: string, expected: string, got: unknown): number {
  detail.reason = REJECT_REASONS[code];
  detail.field = field;
  detail.expected = expected;
  detail.got = typeof got === 'string' ? JSON.stringify(got.slice(0, 40)) : String(got).slice(0, 40);
  return code;
}

/**
 * Checks a parsed JSON payload `{ id, kind, timeMs, value, unit }` against the kind table (field
 * types, unit, range, time window). Extra fields are ignored. Writes the reading into `out` and
 * returns 0, or fills `detail` and returns the REJECT_REASONS index. Never throws.
 */
export function validatePayload(msg: unknown, nowMs: number, out: ParsedReading, detail: RejectionDetail): number {
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
    return fail(detail, R.not_object, 'payload', 'a JSON object', Array.isArray(msg) ? 'array' : msg === null ? 'null' : typeof msg);
  }
  const m = msg as Record<string, unknown>;
  const { id, kind, timeMs, value, unit } = m;
  if (id === undefined) return fail(detail, R.missing_field, 'id', 'a sensor id string', 'nothing');
  if (typeof id !== 'string') return fail(detail, R.wrong_type, 'id', 'a string', typeof id);
  if (kind === undefined) return fail(detail, R.missing_field, 'kind', 'a sensor kind', 'nothing');
  if (typeof kind !== 'string') return fail(detail, R.wrong_type, 'kind', 'a string', typeof kind);
  if (!isSensorKind(kind)) return fail(detail, R.unknown_kind, 'kind', 'one of the sensor kinds', kind);
  const spec = SENSOR_KIND_SPECS[kind];
  if (timeMs === undefined) return fail(detail, R.missing_field, 'timeMs', 'epoch milliseconds', 'nothing');
  if (typeof timeMs !== 'number' || !Number.isFinite(timeMs)) return fail(detail, R.wrong_type, 'timeMs', 'a finite number (epoch ms)', timeMs);
  if (timeMs > nowMs + MAX_FUTURE_SKEW_MS || timeMs < nowMs - MAX_AGE_MS) {
    return fail(detail, R.bad_time, 'timeMs', `epoch ms within [now - 24 h, now + 5 min] (now ${Math.round(nowMs)})`, timeMs);
  }
  if (unit === undefined) return fail(detail, R.missing_field, 'unit', `"${spec.unit}"`, 'nothing');
  if (unit !== spec.unit) return fail(detail, R.unit_mismatch, 'unit', `"${spec.unit}" for ${kind}`, unit);
  if (value === undefined) return fail(detail, R.missing_field, 'value', `a ${spec.valueType}`, 'nothing');
  let v: number;
  if (spec.valueType === 'boolean') {
    if (typeof value === 'boolean') v = value ? 1 : 0;
    else if (value === 0 || value === 1) v = value;
    else return fail(detail, R.wrong_type, 'value', 'true/false (or 1/0)', value);
  } else {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(detail, R.wrong_type, 'value', `a finite ${spec.valueType}`, value);
    if (spec.valueType === 'integer' && !Number.isInteger(value)) return fail(detail, R.wrong_type, 'value', 'an integer count', value);
    v = value;
  }
  if (v < spec.min || v > spec.max) return fail(detail, R.out_of_range, 'value', `${spec.min}..${spec.max} ${spec.unit}`, v);
  out.sensorId = id;
  out.kind = kind;
  out.timeMs = timeMs;
  out.value = v;
  return 0;
}
