import type { Alert } from './alerts/Alert';
import { AlertBook } from './alerts/AlertBook';
import { PUSH_APPENDED, PUSH_DUPLICATE, PUSH_TOO_OLD, SensorRingBuffers } from './buffer/SensorRingBuffers';
import { Staleness } from './buffer/Staleness';
import { Emitter } from './events/Emitter';
import { IndicatorTable, type IndicatorInputs } from './indicators/IndicatorTable';
import { Ingestor } from './ingest/Ingestor';
import type { SensorInfo, SensorRegistry } from './registry/SensorInfo';
import { RuleEngine } from './rules/RuleEngine';
import type { RuleConfig, SignsRule } from './rules/SignsRule';
import { REJECT_REASONS } from './schema/RejectReason';
import { SENSOR_KIND_SPECS, type SensorKind } from './schema/sensorKinds';
import type { ReadingEvent, SignsStoreEvents, TickEvent } from './SignsStoreEvents';
import { unitSeries, type Series } from './series/unitSeries';
import { LEVEL_COUNT, UnitIndex, type UnitRecord } from './units/UnitIndex';

export interface SignsStoreOptions {
  registry: SensorRegistry;
  /** The city's spatial units (city > district > street > community > grid). */
  units: readonly UnitRecord[];
  rules: RuleConfig;
  /** Receiver clock (epoch ms); default Date.now. */
  clock?: () => number;
  /** Reporting intervals are the kinds' intervalS times this (the feed's intervalScale); default 1. */
  intervalScale?: number;
  /** Missed intervals before a sensor is stale; default 3. */
  staleFactor?: number;
  /** History each ring buffer holds at the sensor's nominal rate (s); default 3600. */
  historyS?: number;
  /** Room for fast reporting (anomalies) per sensor, in samples; default each kind's burstSlots. */
  burstSlots?: number;
  /** Alert ids; default `AL-<sequence>` (see AlertBook). */
  alertId?: (sensor: SensorInfo, rule: SignsRule, timeMs: number) => string;
}

const DUPLICATE = REJECT_REASONS.indexOf('duplicate'), BAD_TIME = REJECT_REASONS.indexOf('bad_time');

/**
 * The live vital signs of the city: ingest -> per-sensor ring buffers -> staleness, indicators
 * per spatial unit, rules -> alerts, with an event API (subscribe / unsubscribe) the UI and views
 * listen to. Pure: no DOM, no network (SignsConnection feeds it), runs in node, workers, browsers.
 */
export class SignsStore {
  readonly sensors: readonly SensorInfo[];
  readonly units: UnitIndex;
  readonly buffers: SensorRingBuffers;
  readonly staleness: Staleness;
  readonly indicators: IndicatorTable;
  readonly ingestor: Ingestor;
  readonly alerts: AlertBook;
  readonly events = new Emitter<SignsStoreEvents>();
  /** Kind index per sensor, and its unit indices (sensor * LEVEL_COUNT + level). */
  readonly sensorKinds: Uint8Array;
  readonly sensorUnits: Int32Array;
  private readonly rules: RuleEngine;
  private readonly indicatorInputs: IndicatorInputs;
  private readonly clock: () => number;
  private readonly byId = new Map<string, number>();
  private readonly readingEvent: ReadingEvent = { sensorIndex: 0, sensorId: '', timeMs: 0, value: 0 };
  private readonly tickEvent: TickEvent = { nowMs: 0, accepted: 0, rejected: 0, staleCount: 0, becameStale: [], becameFresh: [], kindsUpdated: 0, indicatorVersion: 0 };
  private acceptedAtTick = 0;
  private rejectedAtTick = 0;
  private kindsUpdated = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private disposed = false;

  constructor(opts: SignsStoreOptions) {
    this.sensors = opts.registry.sensors;
    this.clock = opts.clock ?? Date.now;
    const scale = opts.intervalScale ?? 1, historyS = opts.historyS ?? 3600;
    if (!(scale > 0)) throw new Error(`SignsStore intervalScale: expected a number > 0, got ${opts.intervalScale}`);
    this.units = new UnitIndex(opts.units);
    this.alerts = new AlertBook(500, opts.alertId);
    const n = this.sensors.length;
    this.sensorKinds = new Uint8Array(n);
    this.sensorUnits = new Int32Array(n * LEVEL_COUNT);
    const capacities = new Int32Array(n), intervalsMs = new Float64Array(n);
    this.sensors.forEach((s, i) => {
      const spec = SENSOR_KIND_SPECS[s.kind];
      if (!spec) throw new Error(`registry.sensors[${i}].kind: expected a sensor kind, got "${s.kind}"`);
      this.byId.set(s.id, i);
      this.sensorKinds[i] = spec.index;
      this.units.chain(this.units.require(s.unitId), this.sensorUnits, i * LEVEL_COUNT);
      capacities[i] = Math.ceil((1.25 * historyS) / (spec.intervalS * scale)) + (opts.burstSlots ?? spec.burstSlots);
      intervalsMs[i] = spec.intervalS * scale * 1000;
    });
    this.buffers = new SensorRingBuffers(capacities);
    this.staleness = new Staleness(intervalsMs, opts.staleFactor ?? 3, this.clock());
    this.indicators = new IndicatorTable(this.units.size);
    this.ingestor = new Ingestor(this.sensors);
    this.indicatorInputs = { kinds: this.sensorKinds, units: this.sensorUnits, latest: (s) => this.buffers.latestValue(s), staleFlags: this.staleness.flags };
    this.rules = new RuleEngine(opts.rules, this.sensors, this.buffers, this.alerts, (alert, change) => this.events.emit('alert', { alert, change }));
  }

  /**
   * Takes one MQTT message. Returns true when the reading was stored; false when it was dropped
   * (counted under its reason in ingestor.counts). Never throws on bad input.
   */
  ingest(topic: string, payload: Uint8Array | string): boolean {
    const now = this.clock();
    const s = this.ingestor.parse(topic, payload, now);
    if (s < 0) return false;
    const { timeMs, value } = this.ingestor.reading;
    const pushed = this.buffers.push(s, timeMs, value);
    if (pushed === PUSH_DUPLICATE) { this.ingestor.reject(DUPLICATE, topic, 'timeMs', 'a time not yet stored for this sensor', timeMs); return false; }
    if (pushed === PUSH_TOO_OLD) {
      this.ingestor.reject(BAD_TIME, topic, 'timeMs', 'a time within the sensor\'s buffered history', timeMs);
      if (this.events.has('lateReading')) this.emitReading('lateReading', s, timeMs, value);
      return false;
    }
    this.ingestor.accept();
    this.staleness.seen(s, now);
    this.kindsUpdated |= 1 << this.sensorKinds[s];
    this.rules.evaluate(s, timeMs, value, pushed === PUSH_APPENDED);
    if (this.events.has('reading')) this.emitReading('reading', s, timeMs, value);
    return true;
  }

  private emitReading(type: 'reading' | 'lateReading', s: number, timeMs: number, value: number): void {
    const e = this.readingEvent;
    e.sensorIndex = s; e.sensorId = this.sensors[s].id; e.timeMs = timeMs; e.value = value;
    this.events.emit(type, e);
  }

  /** Recomputes staleness and indicators at nowMs and emits 'tick'. */
  tick(nowMs = this.clock()): TickEvent {
    const e = this.tickEvent;
    (e.becameStale as number[]).length = 0;
    (e.becameFresh as number[]).length = 0;
    e.nowMs = nowMs;
    e.staleCount = this.staleness.update(nowMs, e.becameStale as number[], e.becameFresh as number[]);
    this.indicators.compute(this.indicatorInputs);
    const accepted = this.ingestor.counts[0];
    let total = 0;
    for (let i = 0; i < this.ingestor.counts.length; i++) total += this.ingestor.counts[i];
    e.accepted = accepted - this.acceptedAtTick;
    e.rejected = total - accepted - this.rejectedAtTick;
    this.acceptedAtTick = accepted;
    this.rejectedAtTick = total - accepted;
    e.kindsUpdated = this.kindsUpdated;
    this.kindsUpdated = 0;
    e.indicatorVersion = this.indicators.version;
    this.events.emit('tick', e);
    return e;
  }

  /** Ticks every periodMs (default 500) until stop() or dispose(). */
  start(periodMs = 500): void {
    if (this.disposed) throw new Error('SignsStore.start: the store is disposed');
    this.stop();
    this.timer = setInterval(() => this.tick(), periodMs);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Operator acknowledges an alert; false when it is not in state 'raised'. */
  acknowledge(alertId: string): boolean {
    if (!this.alerts.acknowledge(alertId, this.clock())) return false;
    this.events.emit('alert', { alert: this.alerts.get(alertId)!, change: 'acknowledged' });
    return true;
  }

  /** Operator closes an open alert; false when it is not open. */
  resolve(alertId: string): boolean {
    return this.rules.resolveManually(alertId, this.clock());
  }

  /**
   * Puts back alerts kept elsewhere (the hub's store after a restart): open ones become the open
   * alert of their (sensor, rule). No events. Returns how many were taken; alerts of sensors or
   * rules this store does not know are skipped.
   */
  restoreAlerts(alerts: readonly Alert[]): number {
    let n = 0;
    for (const a of alerts) {
      const s = this.byId.get(a.sensorId);
      if (s === undefined || this.alerts.get(a.id)) continue;
      if (a.state !== 'resolved' && !this.rules.adopt(a, s)) continue;
      this.alerts.restore(a);
      n++;
    }
    return n;
  }

  /** Open alerts, most severe and newest first. */
  openAlerts(): Alert[] {
    return this.alerts.open();
  }

  /** Index of a sensor id, or -1. */
  sensorIndex(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  sensor(id: string): SensorInfo | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.sensors[i];
  }

  /** Sensor indices of `kind` inside a unit (any level). */
  sensorsInUnit(unitId: string, kind: SensorKind): Int32Array {
    const u = this.units.require(unitId), k = SENSOR_KIND_SPECS[kind].index, out: number[] = [];
    for (let s = 0; s < this.sensors.length; s++) {
      if (this.sensorKinds[s] === k && this.sensorUnits[s * LEVEL_COUNT + this.units.levels[u]] === u) out.push(s);
    }
    return Int32Array.from(out);
  }

  /** A sensor's samples with fromMs <= time <= toMs (default now), oldest first. */
  sensorSeries(sensorId: string, fromMs: number, toMs = this.clock()): Series {
    const s = this.byId.get(sensorId);
    if (s === undefined) throw new Error(`sensorSeries: expected a sensor id from the registry, got "${sensorId}"`);
    const cap = this.buffers.capacities[s];
    const t = new Float64Array(cap), v = new Float64Array(cap);
    const n = this.buffers.copyRange(s, fromMs, toMs, t, v);
    return { timesMs: t.slice(0, n), values: v.slice(0, n) };
  }

  /** The indicator of `kind` over a unit as a bucketed series (see unitSeries), [fromMs, toMs). */
  unitSeries(unitId: string, kind: SensorKind, fromMs: number, toMs = this.clock(), bucketS = 60): Series {
    return unitSeries(this.buffers, this.sensorsInUnit(unitId, kind), SENSOR_KIND_SPECS[kind].aggregation, fromMs, toMs, bucketS);
  }

  /** The threshold rules' limits for one sensor (in its kind's unit), for chart guide lines. */
  thresholdsFor(sensorId: string): Array<{ ruleId: string; severity: SignsRule['severity']; op: SignsRule['op']; value: number; title: string }> {
    const s = this.byId.get(sensorId);
    if (s === undefined) return [];
    return this.rules.rulesOfKind(this.sensorKinds[s]).filter((r) => r.type === 'threshold')
      .map((r) => ({ ruleId: r.id, severity: r.severity, op: r.op, value: this.rules.limitOf(r, s), title: r.title }));
  }

  /** Stops ticking and drops every listener; safe twice. */
  dispose(): void {
    this.stop();
    this.events.dispose();
    this.disposed = true;
  }
}
