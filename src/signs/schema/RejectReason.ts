/**
 * Why an incoming sensor message was dropped. The index of a reason is its counter slot; the
 * ingest path returns the index (0 = accepted) so the hot path allocates nothing.
 */
export const REJECT_REASONS = [
  'accepted',
  /** Payload longer than MAX_PAYLOAD_BYTES. */
  'too_large',
  /** Payload bytes are not valid UTF-8. */
  'not_utf8',
  /** Payload is not parseable JSON. */
  'json_syntax',
  /** JSON is not an object. */
  'not_object',
  /** Topic is not city/<district>/<kind>/<sensorId>. */
  'topic_format',
  /** Kind in the topic or payload is not one of SENSOR_KINDS. */
  'unknown_kind',
  /** Sensor id is not in the registry. */
  'unknown_sensor',
  /** Topic and payload (or registry) disagree on district, kind or sensor id. */
  'topic_mismatch',
  /** A required field is absent. */
  'missing_field',
  /** A field has the wrong JSON type. */
  'wrong_type',
  /** `unit` differs from the kind's unit. */
  'unit_mismatch',
  /** `value` lies outside the kind's range. */
  'out_of_range',
  /** `timeMs` is not a plausible epoch time (too old, in the future beyond skew). */
  'bad_time',
  /** Same sensor and time as a reading already stored (QoS 1 redelivery). */
  'duplicate',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

/** Payloads above this size are dropped unread (bytes). */
export const MAX_PAYLOAD_BYTES = 1024;

/** Detail of the last rejection: enough to say which field was wrong and what was expected. */
export interface RejectionDetail {
  reason: RejectReason;
  topic: string;
  field: string;
  expected: string;
  got: string;
}

/** One line naming the topic, field, expectation and the value seen. */
export function describeRejection(d: RejectionDetail): string {
  const where = d.field ? `${d.topic}: ${d.field}` : d.topic;
  return `${where}: ${d.reason}: expected ${d.expected}${d.got ? `, got ${d.got}` : ''}`;
}
