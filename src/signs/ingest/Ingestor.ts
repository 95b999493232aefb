import { MAX_PAYLOAD_BYTES, REJECT_REASONS, type RejectionDetail, type RejectReason } from '../schema/RejectReason';
import { isSensorKind } from '../schema/sensorKinds';
import { validatePayload, type ParsedReading } from '../schema/validatePayload';
import { sensorIdOfTopic } from '../topics';

const R = Object.fromEntries(REJECT_REASONS.map((r, i) => [r, i])) as Record<RejectReason, number>;

/**
 * The boundary of the signs module: MQTT topic + payload bytes -> a validated reading of a known
 * sensor. Every message is either accepted or counted under exactly one reason (the latest
 * rejection is kept in detail for the operator); nothing here throws on bad input.
 */
export class Ingestor {
  /** Messages per REJECT_REASONS slot; counts[0] = accepted. */
  readonly counts = new Float64Array(REJECT_REASONS.length);
  /** The latest rejection (reason 'accepted' until there is one). */
  readonly lastRejection: RejectionDetail = { reason: 'accepted', topic: '', field: '', expected: '', got: '' };
  /** The reading of the last accepted message (scratch; copy what you keep). */
  readonly reading: ParsedReading = { sensorId: '', kind: 'water_level', timeMs: 0, value: 0 };
  private readonly index = new Map<string, number>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly detail: RejectionDetail = { reason: 'accepted', topic: '', field: '', expected: '', got: '' };

  /** @param sensors registry order: index i is sensor i of the store */
  constructor(private readonly sensors: ReadonlyArray<{ id: string; kind: string; topic: string }>) {
    sensors.forEach((s, i) => this.index.set(s.id, i));
  }

  /**
   * Parses and validates one message at receiver time nowMs (epoch ms). Returns the sensor index
   * (>= 0; the reading is in `this.reading`; the caller then calls accept() or reject()), or
   * minus the REJECT_REASONS index of why it was dropped (already counted).
   */
  parse(topic: string, payload: Uint8Array | string, nowMs: number): number {
    const id = sensorIdOfTopic(topic);
    if (id === null) return this.reject(R.topic_format, topic, 'topic', 'city/<city>/<districtId>/<kind>/<sensorId>', topic);
    const s = this.index.get(id);
    if (s === undefined) {
      const kindPart = topic.split('/')[3];
      if (!isSensorKind(kindPart)) return this.reject(R.unknown_kind, topic, 'topic', 'a sensor kind as the fourth level', kindPart);
      return this.reject(R.unknown_sensor, topic, 'topic', 'a sensor id from the registry', id);
    }
    const sensor = this.sensors[s];
    if (topic !== sensor.topic) return this.reject(R.topic_mismatch, topic, 'topic', sensor.topic, topic);
    if (payload.length > MAX_PAYLOAD_BYTES) return this.reject(R.too_large, topic, 'payload', `at most ${MAX_PAYLOAD_BYTES} bytes`, `${payload.length} bytes`);
    let text: string;
    if (typeof payload === 'string') text = payload;
    else {
      try { text = this.decoder.decode(payload); } catch { return this.reject(R.not_utf8, topic, 'payload', 'UTF-8 text', 'invalid byte sequence'); }
    }
    let msg: unknown;
    try { msg = JSON.parse(text); } catch (e) { return this.reject(R.json_syntax, topic, 'payload', 'JSON', (e as Error).message); }
    this.detail.topic = topic;
    const code = validatePayload(msg, nowMs, this.reading, this.detail);
    if (code !== 0) return this.count(code);
    if (this.reading.sensorId !== sensor.id) return this.reject(R.topic_mismatch, topic, 'id', `"${sensor.id}" as in the topic`, this.reading.sensorId);
    if (this.reading.kind !== sensor.kind) return this.reject(R.topic_mismatch, topic, 'kind', `"${sensor.kind}" as in the topic`, this.reading.kind);
    return s;
  }

  /** Counts a parsed message as accepted (the caller stored it; see reject() otherwise). */
  accept(): void {
    this.counts[0]++;
  }

  /** Counts a rejection found after parsing (e.g. a duplicate) and returns minus its index. */
  reject(code: number, topic: string, field: string, expected: string, got: unknown): number {
    const d = this.detail;
    d.reason = REJECT_REASONS[code];
    d.topic = topic;
    d.field = field;
    d.expected = expected;
    d.got = typeof got === 'string' ? JSON.stringify(got.slice(0, 60)) : String(got);
    return this.count(code);
  }

  private count(code: number): number {
    this.counts[code]++;
    Object.assign(this.lastRejection, this.detail);
    return -code;
  }

  /** Totals by reason name (accepted included), for status panels and tests. */
  totals(): Record<RejectReason, number> {
    return Object.fromEntries(REJECT_REASONS.map((r, i) => [r, this.counts[i]])) as Record<RejectReason, number>;
  }
}
