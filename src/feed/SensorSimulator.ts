import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import { Emitter } from '../signs/events/Emitter';
import type { SensorInfo, SensorRegistry } from '../signs/registry/SensorInfo';
import { encodeReading } from '../signs/schema/encodeReading';
import { SENSOR_KIND_SPECS } from '../signs/schema/sensorKinds';
import { CONTROL_ANOMALY_TOPIC, CONTROL_CLEAR_TOPIC, FEED_INFO_TOPIC } from '../signs/topics';
import { AnomalyField, type ActiveAnomaly } from './AnomalyField';
import { parseAnomalySpec, type AnomalySpec } from './AnomalySpec';
import { baseValue, hash01 } from './sensorModel';

export interface SensorSimulatorOptions {
  registry: SensorRegistry;
  /** Broker URL and the sensor account (may publish to city/#, subscribe to control/#). */
  url: string;
  username: string;
  password: string;
  /** Randomness of the readings; same seed and times, same readings. */
  seed: number;
  /** Readings per second over the whole registry; 0 (default) = every sensor at its kind's interval. */
  rateHz?: number;
  /** Scheduler ticks per second (default 10). */
  tickHz?: number;
  /** Reporting interval of sensors inside an active anomaly (s, default 2). */
  anomalyIntervalS?: number;
  clientId?: string;
  clock?: () => number;
}

export interface SimulatorEvents {
  anomaly: { anomaly: ActiveAnomaly; change: 'started' | 'cleared' };
  controlError: { topic: string; message: string };
}

/** Sum over sensors of 1 / (kind interval): readings per second at the nominal intervals. */
export function naturalRateHz(sensors: readonly SensorInfo[]): number {
  return sensors.reduce((a, s) => a + 1 / SENSOR_KIND_SPECS[s.kind].intervalS, 0);
}

/**
 * Publishes realistic readings for every sensor of the registry to a real MQTT broker (as the
 * 'sensor' account): retained, QoS 1 for event kinds (alarms, hotline) and 0 for measurements,
 * staggered so the load is even. Anomalies (trigger(), or JSON on control/anomaly) change the
 * readings of the sensors they cover, which then report every anomalyIntervalS.
 */
export class SensorSimulator {
  readonly events = new Emitter<SimulatorEvents>();
  readonly field: AnomalyField;
  /** Interval multiplier implied by rateHz (1 at the natural rate). */
  readonly intervalScale: number;
  readonly stats = { published: 0, ticks: 0, controlMessages: 0 };
  private readonly sensors: readonly SensorInfo[];
  private readonly nextDueMs: Float64Array;
  private readonly lastSentMs: Float64Array;
  private readonly fastUntilMs: Float64Array;
  private readonly clock: () => number;
  private client: MqttClient | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly opts: SensorSimulatorOptions) {
    this.sensors = opts.registry.sensors;
    const natural = naturalRateHz(this.sensors);
    if (opts.rateHz !== undefined && !(opts.rateHz >= 0)) throw new Error(`SensorSimulator rateHz: expected a number >= 0, got ${opts.rateHz}`);
    this.intervalScale = opts.rateHz ? natural / opts.rateHz : 1;
    this.clock = opts.clock ?? Date.now;
    this.field = new AnomalyField(this.sensors);
    const n = this.sensors.length;
    this.nextDueMs = new Float64Array(n);
    this.lastSentMs = new Float64Array(n);
    this.fastUntilMs = new Float64Array(n);
  }

  /** Reporting interval of sensor s (ms). */
  intervalMs(s: number): number {
    return SENSOR_KIND_SPECS[this.sensors[s].kind].intervalS * this.intervalScale * 1000;
  }

  /** The reading of sensor s at tMs (in its kind's unit), anomalies included. Pure for a seed. */
  valueAt(s: number, tMs: number): number {
    const intervalS = this.intervalMs(s) / 1000;
    return this.field.apply(s, tMs, baseValue(this.sensors[s], s, tMs, this.opts.seed, intervalS));
  }

  /** Connects, announces itself on feed/info, listens for control messages and starts publishing. */
  async start(): Promise<void> {
    const o = this.opts;
    const client = mqtt.connect(o.url, {
      username: o.username, password: o.password, clientId: o.clientId ?? `rc-simulator-${o.seed}`,
      clean: true, reconnectPeriod: 500, protocolVersion: 4,
    });
    this.client = client;
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', (err) => reject(new Error(`simulator could not connect to ${o.url}: ${err.message}`)));
    });
    client.on('error', (err) => this.events.emit('controlError', { topic: '(connection)', message: err.message }));
    client.on('message', (topic, payload) => this.onControl(topic, payload));
    client.subscribe([CONTROL_ANOMALY_TOPIC, CONTROL_CLEAR_TOPIC], { qos: 1 });
    const now = this.clock();
    client.publish(FEED_INFO_TOPIC, JSON.stringify({
      sensorCount: this.sensors.length, seed: o.seed, city: o.registry.city, synthetic: o.registry.synthetic, intervalScale: this.intervalScale,
      rateHz: naturalRateHz(this.sensors) / this.intervalScale, startedAtMs: now,
    }), { qos: 1, retain: true });
    // Everyone reports within the first two seconds, staggered, then at their own interval.
    for (let s = 0; s < this.sensors.length; s++) this.nextDueMs[s] = now + hash01(s, 17, o.seed) * Math.min(2000, this.intervalMs(s));
    this.timer = setInterval(() => this.tick(), 1000 / (o.tickHz ?? 10));
  }

  private tick(): void {
    const now = this.clock();
    this.stats.ticks++;
    this.field.expire(now);
    for (let s = 0; s < this.sensors.length; s++) {
      if (this.nextDueMs[s] > now) continue;
      this.publish(s, now);
      const period = now < this.fastUntilMs[s] ? Math.min(this.intervalMs(s), (this.opts.anomalyIntervalS ?? 2) * 1000) : this.intervalMs(s);
      this.nextDueMs[s] += period;
      if (this.nextDueMs[s] <= now) this.nextDueMs[s] = now + period;
    }
  }

  private publish(s: number, nowMs: number): void {
    if (!this.client) return;
    const sensor = this.sensors[s], spec = SENSOR_KIND_SPECS[sensor.kind];
    const t = Math.max(Math.round(nowMs), this.lastSentMs[s] + 1);
    this.lastSentMs[s] = t;
    this.client.publish(sensor.topic, encodeReading(sensor.id, sensor.kind, t, this.valueAt(s, t)), { qos: spec.qos, retain: true });
    this.stats.published++;
  }

  /** Injects an anomaly now; its sensors report at once and then every anomalyIntervalS. */
  trigger(spec: AnomalySpec): ActiveAnomaly {
    const now = this.clock();
    const a = this.field.add(parseAnomalySpec(spec), now);
    for (const s of a.sensors) {
      this.fastUntilMs[s] = Math.max(this.fastUntilMs[s], a.fadedMs);
      if (a.startMs <= now) this.publish(s, now);
      this.nextDueMs[s] = Math.min(this.nextDueMs[s], Math.max(now, a.startMs) + (this.opts.anomalyIntervalS ?? 2) * 1000);
    }
    this.events.emit('anomaly', { anomaly: a, change: 'started' });
    return a;
  }

  /** Ends one anomaly (or all); readings return to normal from the next report. */
  clear(id?: string): number {
    const gone = this.field.active.filter((a) => !id || a.id === id);
    const n = this.field.clear(id);
    for (const a of gone) this.events.emit('anomaly', { anomaly: a, change: 'cleared' });
    return n;
  }

  private onControl(topic: string, payload: Buffer): void {
    this.stats.controlMessages++;
    try {
      const body = payload.length ? JSON.parse(payload.toString('utf8')) : {};
      if (topic === CONTROL_CLEAR_TOPIC) this.clear(typeof body.id === 'string' ? body.id : undefined);
      else this.trigger(parseAnomalySpec(body, topic));
    } catch (err) {
      this.events.emit('controlError', { topic, message: (err as Error).message });
    }
  }

  /** Stops publishing and disconnects (waits for queued QoS 1 messages to be handed over). Safe twice. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    if (client) await new Promise<void>((r) => client.end(!client.connected, {}, () => r()));
    this.events.dispose();
  }
}
