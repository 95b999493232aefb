import mqtt, { type IClientPublishOptions, type MqttClient } from 'mqtt';
import type { Alert, AlertChange } from '../signs/alerts/Alert';
import { SEVERITIES, type Severity } from '../signs/rules/SignsRule';
import { SignsStore } from '../signs/SignsStore';
import { cityTopicFilter } from '../signs/topics';
import { CommandDesk } from './commands/CommandDesk';
import { hubAlertId } from './hubAlertId';
import { IncidentService } from './incidents/IncidentService';
import type { HubOptions } from './HubOptions';
import { HubIndicators } from './state/HubIndicators';
import type { AlertNotes, HubAlert } from './state/HubAlert';
import { emptyNotes } from './state/HubAlert';
import { summarize, type HubStatus } from './state/HubStatus';
import { StoreWriter } from './store/StoreWriter';
import { hubTopics, parseCommandTopic, parseIndicatorTopic, type HubTopics } from './topics';

const RETAIN_QOS1: IClientPublishOptions = { qos: 1, retain: true };

/**
 * The operations hub: subscribes to its districts' sensor topics (QoS 1, persistent session),
 * runs the signs code (ingest -> ring buffers -> indicators -> rules, one SignsStore), owns the
 * alert lifecycle and publishes the state displays need as retained MQTT messages (indicators about
 * once a second, alerts at every change), takes commands, and keeps readings, snapshots, alerts
 * and commands in the store (through a StoreWriter that buffers while the store is away). After a
 * restart it takes its open alerts back from the store; the broker hands it the QoS 1 alarms
 * published while it was down.
 */
export class Hub {
  readonly signs: SignsStore;
  readonly notes = new Map<string, AlertNotes>();
  readonly writer: StoreWriter | null;
  readonly topics: HubTopics;
  readonly indicators: HubIndicators;
  readonly stats = { connects: 0, commands: 0, published: 0 };
  /** The incident desk (the aggregating hub of a city given an incident setup), else null. */
  readonly incidents: IncidentService | null;
  private client: MqttClient | null = null;
  private readonly desk: CommandDesk;
  private readonly statuses = new Map<string, HubStatus>();
  private readonly timers: Array<ReturnType<typeof setInterval>> = [];
  private readonly clearTimers = new Set<ReturnType<typeof setTimeout>>();
  /** Writes started by the sensor message being ingested now (its PUBACK waits for them, up to 2 s). */
  private pending: Array<Promise<void>> | null = null;
  /** The store write of each alert's latest change, while it is pending. */
  private readonly alertWrites = new Map<string, Promise<void>>();
  private readonly clock: () => number;
  private readonly startedAtMs: number;
  private lastAccepted = 0;
  /** The subscriptions of the latest fresh session, once the broker granted them. */
  private subscribed: Promise<void> = Promise.resolve();
  private lastRejected = 0;

  constructor(private readonly o: HubOptions) {
    this.clock = o.clock ?? Date.now;
    this.startedAtMs = this.clock();
    this.topics = hubTopics(o.cityId);
    const all = [...new Set(o.registry.sensors.map((s) => s.districtId))].sort();
    const districts = o.districts ?? all;
    for (const d of districts) if (!all.includes(d)) throw new Error(`Hub ${o.hubId} districts: "${d}" has no sensors in the registry (known: ${all.join(', ')})`);
    const own = new Set(districts);
    const sensors = o.registry.sensors.filter((s) => own.has(s.districtId));
    this.signs = new SignsStore({
      registry: { ...o.registry, sensors }, units: o.units, rules: o.rules, alertId: hubAlertId,
      intervalScale: o.intervalScale, historyS: 900, burstSlots: 64, clock: this.clock,
    });
    this.indicators = new HubIndicators(this.signs, districts, { cityId: o.cityId, cityUnitId: o.cityUnitId, hubId: o.hubId });
    this.writer = o.store ? new StoreWriter(o.store, o.writer) : null;
    const citySensors = new Set(o.registry.sensors.map((s) => s.id));
    this.desk = new CommandDesk({
      signs: this.signs, notes: this.notes, cityUnitId: o.cityUnitId, owns: (id) => this.signs.sensorIndex(id) >= 0, inCity: (id) => citySensors.has(id),
      responder: this.aggregator, accountOf: o.accountOf, findPast: o.store ? (id) => o.store!.findCommand(id) : undefined, clock: this.clock,
    });
    this.incidents = o.incidents && this.aggregator ? new IncidentService({
      setup: o.incidents, hubId: o.hubId, cityUnitId: o.cityUnitId, topics: this.topics, registry: o.registry, signs: this.signs, store: o.store,
      writer: this.writer, accountOf: o.accountOf, closedRetainMs: o.closedRetainMs, clock: this.clock,
      publish: (topic, payload, retain) => { this.client?.publish(topic, payload, { qos: 1, retain }); },
    }) : null;
    this.signs.events.subscribe('alert', ({ alert, change }) => this.onAlert(alert, change));
    if (this.writer) {
      // Late readings (older than the 15-minute buffer: a gateway catching up) skip the rules but belong to history.
      for (const type of ['reading', 'lateReading'] as const) this.signs.events.subscribe(type, (e) => this.writer!.addReading(e.sensorId, e.timeMs, e.value));
    }
  }

  get districts(): readonly string[] {
    return this.indicators.districts;
  }

  get aggregator(): boolean {
    return this.o.aggregator ?? this.o.districts === null;
  }

  /** Takes open alerts back from the store, connects, and starts publishing. */
  async start(): Promise<void> {
    if (this.o.store) {
      const saved = await this.o.store.openAlerts(this.districts);
      for (const h of saved) this.notes.set(h.id, { acknowledgedBy: h.acknowledgedBy, resolvedBy: h.resolvedBy, comments: h.comments ?? [], silencedUntilMs: h.silencedUntilMs, silencedBy: h.silencedBy });
      this.signs.restoreAlerts(saved);
      await this.incidents?.restore();
    }
    const b = this.o.broker;
    const password = () => (typeof b.password === 'function' ? b.password() : b.password);
    const client = mqtt.connect(b.url, {
      username: b.username, password: password(), clientId: b.clientId ?? `${b.username}:${this.o.hubId}`, clean: false,
      protocolVersion: 4, reconnectPeriod: 1000, connectTimeout: 10_000, resubscribe: false,
    });
    this.client = client;
    // mqtt.js sends a QoS 1 message's PUBACK when this calls back: after what it changed is stored (up to 500 ms).
    client.handleMessage = (packet, callback) => { this.onMessage(String(packet.topic), packet.payload as Buffer, packet.qos, callback); };
    client.on('reconnect', () => { client.options.password = password(); });
    client.on('connect', (ack) => this.onConnect(client, ack.sessionPresent));
    client.on('error', () => {});
    try {
      await new Promise<void>((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('error', (err) => reject(new Error(`hub ${this.o.hubId}: cannot connect to ${b.url}: ${err.message}`)));
      });
      // Readings published before the broker took the subscriptions would be lost (NATS makes a
      // JetStream consumer per subscription, which takes a moment).
      await this.subscribed;
    } catch (err) {
      this.client = null;
      client.end(true);
      throw err;
    }
    this.timers.push(setInterval(() => this.tick(), this.o.publishMs ?? 1000));
    if (this.writer) this.timers.push(setInterval(() => this.persistPeriodic(), this.o.snapshotMs ?? 60_000));
  }

  private onConnect(client: MqttClient, sessionPresent: boolean): void {
    this.stats.connects++;
    if (!sessionPresent) {
      const city = this.o.registry.city;
      const filters = this.o.districts === null ? [cityTopicFilter(city)] : this.districts.map((d) => `city/${city}/${d}/#`);
      filters.push(this.topics.commandFilter);
      if (this.incidents) filters.push(this.topics.incidentCommandFilter, this.topics.run('flood'));
      if (this.aggregator) filters.push(this.topics.districtIndicatorFilter, `${this.topics.root}/status/+`);
      this.subscribed = client.subscribeAsync(filters, { qos: 1 }).then((granted) => {
        const refused = granted.filter((g) => g.qos === 128).map((g) => g.topic);
        if (refused.length) throw new Error(`hub ${this.o.hubId}: the broker refused the subscriptions ${refused.join(', ')}`);
      });
      this.subscribed.catch(() => {});
    }
    // A broker that lost its retained messages gets the current state again.
    for (const a of [...this.signs.openAlerts()]) this.publishAlert(a);
    this.incidents?.republish();
    this.tick();
  }

  /**
   * Every message, one at a time (mqtt.js reads the next once `done` is called): a QoS 1 message is
   * acknowledged once the alert changes or command it caused are in the store, so a hub that
   * crashes before that gets it again from the broker. The wait is bounded (500 ms) so a store
   * that is away slows nothing but these acknowledgements. A QoS 0 message has no acknowledgement
   * to hold back (the broker never sends it again), so the next message is read at once: otherwise
   * a noisy sensor's raise/resolve churn would queue every command behind store writes.
   */
  private onMessage(topic: string, payload: Buffer, qos: number, done: () => void): void {
    this.route(topic, payload).then((writes) => {
      if (!writes.length || qos === 0) return done();
      const limit = new Promise<void>((r) => { setTimeout(r, 500).unref?.(); });
      void Promise.race([Promise.all(writes), limit]).then(() => done());
    }, () => done());
  }

  /** Handles one message; returns the store writes it started. */
  private async route(topic: string, payload: Buffer): Promise<Array<Promise<void>>> {
    if (topic.startsWith('city/')) {
      // Synchronous: the alert events of this reading fire inside ingest().
      const writes: Array<Promise<void>> = (this.pending = []);
      this.signs.ingest(topic, payload);
      this.pending = null;
      return writes;
    }
    const cmd = parseCommandTopic(this.topics, topic);
    if (cmd) return this.command(cmd.unitId, cmd.username, payload);
    const icmd = this.incidents ? parseCommandTopic(this.topics, topic, 'incident-commands') : null;
    if (icmd) { this.stats.commands++; return this.incidents!.command(icmd.unitId, icmd.username, payload); }
    if (this.incidents && topic === this.topics.run('flood')) { this.incidents.takeFloodRun(payload); return []; }
    if (parseIndicatorTopic(this.topics, topic)?.tier === 'district') this.indicators.takeDistrictMessage(payload);
    else if (topic.startsWith(`${this.topics.root}/status/`) && payload.length) {
      try { this.statuses.set(topic.slice(topic.lastIndexOf('/') + 1), JSON.parse(payload.toString('utf8')) as HubStatus); } catch { /* a malformed status is ignored */ }
    }
    return [];
  }

  private async command(unitId: string, username: string, payload: Buffer): Promise<Array<Promise<void>>> {
    const outcome = await this.desk.handle(unitId, username, payload);
    if (!outcome) return [];
    this.stats.commands++;
    const writes: Array<Promise<void>> = [];
    const c = outcome.changed;
    if (c && (c.change === 'commented' || c.change === 'silenced')) writes.push(...this.recordAndPublish(c.alert, c.change, username, outcome.command));
    else if (c) writes.push(this.alertWrites.get(c.alert.id) ?? Promise.resolve());
    this.client?.publish(this.topics.reply(username), JSON.stringify(outcome.reply), { qos: 1 });
    if (this.writer && !outcome.repeated) {
      const cmd = outcome.command;
      writes.push(this.writer.enqueue(`command ${cmd?.id ?? '(invalid)'}`, () => this.o.store!.recordCommand({
        id: cmd?.id ?? `invalid-${this.o.hubId}-${this.clock()}-${Math.random().toString(36).slice(2, 8)}`, receivedAtMs: this.clock(), username, unitId,
        alertId: cmd?.alertId ?? null, action: cmd?.action ?? null, payload: cmd ?? payload.toString('utf8').slice(0, 1000), ok: outcome.reply.ok, reason: outcome.reply.reason,
      })));
    }
    return writes;
  }

  private onAlert(alert: Alert, change: AlertChange): void {
    const notes = this.notes.get(alert.id);
    const by = change === 'acknowledged' ? notes?.acknowledgedBy ?? null : change === 'resolved' ? notes?.resolvedBy ?? null : null;
    const writes = this.recordAndPublish(alert, change, by, undefined);
    this.pending?.push(...writes);
    if (change === 'resolved') {
      const t = setTimeout(() => { this.clearTimers.delete(t); this.client?.publish(this.topics.alert(alert.id), '', RETAIN_QOS1); this.notes.delete(alert.id); }, this.o.resolvedRetainMs ?? 600_000);
      t.unref?.();
      this.clearTimers.add(t);
    }
  }

  private hubAlert(alert: Alert): HubAlert {
    return { ...alert, ...(this.notes.get(alert.id) ?? emptyNotes()), hubId: this.o.hubId };
  }

  private publishAlert(alert: Alert): void {
    this.client?.publish(this.topics.alert(alert.id), JSON.stringify(this.hubAlert(alert)), RETAIN_QOS1);
    this.stats.published++;
  }

  private recordAndPublish(alert: Alert, change: string, by: string | null, detail: unknown): Array<Promise<void>> {
    this.publishAlert(alert);
    if (!this.writer) return [];
    const h = this.hubAlert(alert), at = this.clock();
    const written = this.writer.enqueue(`alert ${alert.id} ${change}`, () => this.o.store!.recordAlert(h, change, by, detail, at));
    this.alertWrites.set(alert.id, written);
    void written.then(() => { if (this.alertWrites.get(alert.id) === written) this.alertWrites.delete(alert.id); });
    return [written];
  }

  /** Ticks the signs store and publishes indicators, the city tier (aggregator) and the status. */
  private tick(): void {
    const now = this.clock();
    this.signs.tick(now);
    const c = this.client;
    if (!c) return;
    this.incidents?.tick();
    for (const m of this.indicators.districtMessages(now)) c.publish(this.topics.indicators(m.tier, m.districtId!), JSON.stringify(m), { qos: 0, retain: true });
    if (this.aggregator) {
      const city = this.indicators.cityMessage(now);
      if (city) c.publish(this.topics.cityIndicators, JSON.stringify(city), { qos: 0, retain: true });
    }
    const status = this.status(now);
    this.statuses.set(this.o.hubId, status);
    c.publish(this.topics.status(this.o.hubId), JSON.stringify(status), { qos: 0, retain: true });
    if (this.aggregator) c.publish(this.topics.summary, JSON.stringify(summarize(this.statuses.values(), now)), { qos: 0, retain: true });
  }

  status(now = this.clock()): HubStatus {
    const open = this.signs.openAlerts();
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const a of open) bySeverity[a.severity]++;
    const counts = this.signs.ingestor.counts;
    const accepted = counts[0], rejected = counts.reduce((a, b) => a + b, 0) - accepted;
    const periodS = (this.o.publishMs ?? 1000) / 1000;
    const s: HubStatus = {
      hubId: this.o.hubId, districts: [...this.districts], startedAtMs: this.startedAtMs, timeMs: now, sensors: this.signs.sensors.length,
      openAlerts: open.length, bySeverity, readingsPerS: Math.round((accepted - this.lastAccepted) / periodS), rejectedPerS: Math.round((rejected - this.lastRejected) / periodS),
      store: this.writer ? { ...this.writer.status } : null, incidents: this.incidents?.counts() ?? null,
    };
    this.lastAccepted = accepted;
    this.lastRejected = rejected;
    return s;
  }

  /** Every snapshot period: indicator snapshots, 1-minute aggregates, retention. */
  private persistPeriodic(): void {
    const store = this.o.store!, w = this.writer!, now = this.clock();
    for (const m of this.indicators.districtMessages(now, true)) void w.enqueue(`snapshot ${m.tier} ${m.districtId}`, () => store.insertSnapshot(m));
    const city = this.aggregator ? this.indicators.cityMessage(now) : null;
    if (city) void w.enqueue('snapshot city', () => store.insertSnapshot(city));
    const minute = Math.floor(now / 60_000) * 60_000;
    void w.enqueue('1-minute aggregates', () => store.aggregateMinutes(minute - 5 * 60_000, minute));
    if (Math.floor(now / 60_000) % 10 === 0) void w.enqueue('retention', () => store.maintain(now));
  }

  /** Stops publishing, disconnects (the broker keeps the session), writes what is pending. Safe twice. */
  async stop(): Promise<void> {
    this.incidents?.stop();
    for (const t of this.timers.splice(0)) clearInterval(t);
    for (const t of this.clearTimers) clearTimeout(t);
    this.clearTimers.clear();
    const c = this.client;
    this.client = null;
    // A broker that never acknowledges (gone, or refusing a topic) must not hold the shutdown.
    if (c) await Promise.race([c.endAsync(false), new Promise<void>((r) => { setTimeout(() => { c.end(true); r(); }, 3000).unref?.(); })]);
    await this.writer?.close();
    this.signs.dispose();
  }

  /** For fault tests: drops the connection as a crash would (no DISCONNECT, nothing flushed). */
  kill(): void {
    this.incidents?.stop();
    for (const t of this.timers.splice(0)) clearInterval(t);
    for (const t of this.clearTimers) clearTimeout(t);
    const c = this.client;
    this.client = null;
    c?.end(true);
    this.writer?.abandon();
    this.signs.dispose();
  }
}
