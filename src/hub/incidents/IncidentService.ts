import type { SignsStore } from '../../signs/SignsStore';
import type { SensorRegistry } from '../../signs/registry/SensorInfo';
import type { SensorKind } from '../../signs/schema/sensorKinds';
import { ClosureService } from '../closures/ClosureService';
import { FloodRoads } from '../closures/FloodRoads';
import type { CommandAccount } from '../commands/CommandDesk';
import { sensorOfAlertId } from '../hubAlertId';
import type { HubStore } from '../store/HubStore';
import type { StoreWriter } from '../store/StoreWriter';
import type { HubTopics } from '../topics';
import type { AlertFacts } from './createIncident';
import { severityOfAlert, type Incident, type IncidentStep, type IncidentType } from './Incident';
import { IncidentBook, type BookOutcome } from './IncidentBook';
import { parseIncidentCommand } from './incidentCommand';
import { IncidentDesk } from './IncidentDesk';
import type { IncidentSetup } from './incidentSetup';
import { legOf, type TripLeg } from './TripLeg';
import { isOverdue, slaState, type SlaState } from './slaTimers';
import { VehicleMotion } from './VehicleMotion';

/** An incident as published: the incident and where it stands against its SLA when published. */
export interface PublishedIncident extends Incident {
  sla: SlaState | null;
}

/** Incident counts on a hub's status (and summed in the city summary). */
export interface IncidentCounts {
  /** Incidents held (not closed, or closed and still retained). */
  total: number;
  /** Not yet resolved. */
  open: number;
  byStatus: Record<string, number>;
  /** Open ones by owning tier. */
  byTier: Record<string, number>;
  /** Open ones whose current step is past due. */
  overdue: number;
}

export interface IncidentServiceOptions {
  setup: IncidentSetup;
  hubId: string;
  cityUnitId: string;
  topics: HubTopics;
  registry: SensorRegistry;
  signs: SignsStore;
  store: HubStore | null;
  writer: StoreWriter | null;
  accountOf?: (username: string) => CommandAccount | undefined;
  /** How long a closed incident stays retained (ms), default 600000. */
  closedRetainMs?: number;
  publish: (topic: string, payload: string, retain: boolean) => void;
  clock: () => number;
}

const TYPE_OF_KIND: Record<SensorKind, IncidentType> = {
  water_level: 'flood', rainfall: 'flood', traffic_speed: 'traffic', air_quality: 'pollution', power_load: 'other',
  crowd_density: 'crowd', hotline_12345: 'public_health', fire_alarm: 'fire',
};

/**
 * The hub's incident desk: takes incident commands, publishes each incident retained at every
 * change (and when it turns overdue), moves dispatched vehicles (arrival sets on scene), stores
 * every step, and takes everything back from the store on start. Run by the aggregating hub only
 * (one per city), so a vehicle is busy for every centre at once.
 */
export class IncidentService {
  readonly book: IncidentBook;
  readonly motion: VehicleMotion;
  /** Road closures and re-routing; null without a road network. */
  readonly closures: ClosureService | null;
  private readonly desk: IncidentDesk;
  private readonly overdueShown = new Map<string, boolean>();
  private readonly clearTimers = new Set<ReturnType<typeof setTimeout>>();
  private vehiclesShown = 0;

  constructor(private readonly o: IncidentServiceOptions) {
    const places = o.setup.places;
    this.book = new IncidentBook({ hubId: o.hubId, cityUnitId: o.cityUnitId, locate: (p) => places.locate(p), alertFacts: (id) => this.alertFacts(id), dispatcher: o.setup.dispatcher, clock: o.clock });
    this.motion = new VehicleMotion(o.setup.speedup ?? 1);
    const router = o.setup.router;
    this.closures = router ? new ClosureService({
      router, locate: (p) => places.locate(p), incidents: this.book, motion: this.motion, floodRoads: new FloodRoads(o.setup.floodRoadDepths ?? null),
      topics: o.topics, store: o.store, writer: o.writer, publish: o.publish, clock: o.clock,
      stepDone: (out) => { this.publish(out.incident); return this.record(out.incident, out.step!); }, legDone: (i, v, leg) => this.recordLeg(i, v, leg),
    }) : null;
    this.desk = new IncidentDesk({
      book: this.book, closures: this.closures ? (cmd, actor) => this.closures!.apply(cmd, actor) : undefined, accountOf: o.accountOf, clock: o.clock, findPast: o.store ? (id) => o.store!.findCommand(id) : undefined,
      tierOfUnit: (id) => {
        const i = places.index.indexOf(id), level = i < 0 ? null : ['grid', 'community', 'street', 'district', 'city'][places.index.levels[i]];
        return level === 'city' || level === 'district' || level === 'street' ? level : null;
      },
    });
  }

  /** What the hub knows of an alert from its id: the sensor (any hub's), and the alert itself when this hub holds it. */
  private alertFacts(alertId: string): AlertFacts | null {
    const sensorId = sensorOfAlertId(alertId);
    const sensor = sensorId ? this.o.registry.sensors.find((s) => s.id === sensorId) : undefined;
    if (!sensor) return null;
    const alert = this.o.signs.alerts.get(alertId);
    return { lonLat: [sensor.lonDeg, sensor.latDeg], type: TYPE_OF_KIND[sensor.kind], severity: alert ? severityOfAlert(alert.severity) : null, title: alert ? `${alert.title}: ${sensor.labelPinyin}` : sensor.labelPinyin };
  }

  /**
   * Takes back from the store the open road closures, then the incidents (open ones, and closed ones
   * still retained) with their vehicles' trips: each on its stored latest leg (a re-route is driven
   * where it was), else (stored before legs were) on its route from the station.
   */
  async restore(): Promise<void> {
    const store = this.o.store;
    if (!store) return;
    await this.closures?.restore();
    const now = this.o.clock(), keep = this.o.closedRetainMs ?? 600_000;
    const list = await store.loadIncidents(now - keep);
    this.book.restore(list);
    const legs = await store.loadLegs(list.filter((i) => i.assignments.some((a) => a.releasedAtMs === null)).map((i) => i.id));
    for (const i of list) {
      for (const a of i.assignments) if (a.releasedAtMs === null) this.follow(i, a.vehicleId, a.assignedAtMs, a.arrivedAtMs !== null, legs.get(`${i.id} ${a.vehicleId}`));
      if (i.status === 'closed') this.clearLater(i.id, Math.max(0, (i.statusAtMs.closed ?? now) + keep - now));
    }
  }

  private follow(i: Incident, vehicleId: string, departedAtMs: number, arrived: boolean, stored: TripLeg | undefined): void {
    const v = this.o.setup.dispatcher?.vehicle(vehicleId);
    const route = stored ? null : this.o.setup.dispatcher?.route(vehicleId, i.lonLat);
    const leg = stored ?? (route ? legOf(route, departedAtMs) : null);
    if (leg && v) this.motion.start({ vehicleId, kind: v.kind, incidentId: i.id, departedAtMs }, leg, arrived);
  }

  /** Publishes every incident again (a fresh broker session). */
  republish(): void {
    for (const i of this.book.incidents.values()) this.publish(i);
    this.closures?.republish();
    this.vehiclesShown = -1;
  }

  private publish(i: Incident): void {
    const now = this.o.clock();
    const msg: PublishedIncident = { ...i, sla: slaState(this.o.setup.sla, i, now) };
    this.overdueShown.set(i.id, isOverdue(this.o.setup.sla, i, now));
    this.o.publish(this.o.topics.incident(i.id), JSON.stringify(msg), true);
  }

  /**
   * Handles one incident command; returns the store writes it started (the QoS 1 acknowledgement
   * waits for them). Closing flooded roads may first run the flood (seconds): that one is answered
   * when done, and the hub reads the next messages meanwhile.
   */
  async command(unitId: string, username: string, payload: Uint8Array): Promise<Array<Promise<void>>> {
    const peek = this.closures ? parseIncidentCommand(payload) : null;
    if (peek && !('error' in peek) && peek.action === 'close_flooded_roads') {
      void this.handle(unitId, username, payload).then((writes) => Promise.all(writes));
      return [];
    }
    return this.handle(unitId, username, payload);
  }

  private async handle(unitId: string, username: string, payload: Uint8Array): Promise<Array<Promise<void>>> {
    const out = await this.desk.handle(unitId, username, payload);
    const writes: Array<Promise<void>> = [];
    if (out.applied) writes.push(...this.applied(out.applied));
    if (out.closure) writes.push(...this.closures!.applied(out.closure));
    this.o.publish(this.o.topics.reply(username), JSON.stringify(out.reply), false);
    const { writer, store } = this.o;
    if (writer && store && !out.repeated) {
      const cmd = out.command, r = out.reply;
      writes.push(writer.enqueue(`incident command ${cmd?.id ?? '(invalid)'}`, () => store.recordCommand({
        id: cmd?.id ?? `invalid-${this.o.hubId}-${this.o.clock()}-${Math.random().toString(36).slice(2, 8)}`, receivedAtMs: this.o.clock(), username, unitId,
        alertId: cmd?.alertId ?? null, incidentId: r.incidentId, closureId: r.closureId ?? null, action: cmd ? `incident.${cmd.action}` : null, payload: cmd ?? new TextDecoder().decode(payload).slice(0, 1000), ok: r.ok, reason: r.reason,
      })));
    }
    return writes;
  }

  /** Publishes and stores what a command or an arrival changed, and starts or stops vehicles. */
  private applied(a: BookOutcome): Array<Promise<void>> {
    const i = a.incident;
    const writes: Array<Promise<void>> = [];
    for (const [vehicleId, route] of a.routes ?? []) {
      const v = this.o.setup.dispatcher!.vehicle(vehicleId)!;
      // The assignment's time, as a restart without the stored leg would take it.
      const at = i.assignments.find((x) => x.vehicleId === vehicleId && x.releasedAtMs === null)?.assignedAtMs ?? this.o.clock();
      if (!route) continue;
      const leg = legOf(route, at);
      this.motion.start({ vehicleId, kind: v.kind, incidentId: i.id, departedAtMs: at }, leg);
      writes.push(...this.recordLeg(i.id, vehicleId, leg));
    }
    for (const v of a.released ?? []) this.motion.stop(v);
    if (!a.step) return writes;
    this.publish(i);
    if (i.status === 'closed' && a.step.action === 'close') this.clearLater(i.id, this.o.closedRetainMs ?? 600_000);
    return [...this.record(i, a.step), ...writes];
  }

  /** Stores a vehicle's latest leg (a restarted hub drives it on from there). */
  private recordLeg(incidentId: string, vehicleId: string, leg: TripLeg): Array<Promise<void>> {
    const { writer, store } = this.o;
    return writer && store ? [writer.enqueue(`leg ${incidentId} ${vehicleId}`, () => store.recordLeg(incidentId, vehicleId, leg))] : [];
  }

  /** A message on `runs/flood` (what flood closures are taken from). */
  takeFloodRun(payload: Uint8Array): void {
    this.closures?.takeFloodRun(payload);
  }

  private record(i: Incident, step: IncidentStep): Array<Promise<void>> {
    const { writer, store } = this.o;
    if (!writer || !store) return [];
    const copy = structuredClone(i);
    return [writer.enqueue(`incident ${i.id} ${step.action}`, () => store.recordIncident(copy, step))];
  }

  private clearLater(id: string, ms: number): void {
    const t = setTimeout(() => {
      this.clearTimers.delete(t);
      this.o.publish(this.o.topics.incident(id), '', true);
      this.overdueShown.delete(id);
      this.book.forget(id);
    }, ms);
    t.unref?.();
    this.clearTimers.add(t);
  }

  /** Every publishing period: arrivals (on scene), vehicle positions, incidents that just turned overdue. */
  tick(): void {
    const now = this.o.clock();
    for (const [vehicleId, incidentId] of this.motion.arrivals(now)) {
      const out = this.book.arrive(incidentId, vehicleId);
      if (out) void Promise.all(this.applied(out));
    }
    if (this.motion.size || this.vehiclesShown !== 0) {
      const m = this.motion.message(now);
      this.o.publish(this.o.topics.vehicles, JSON.stringify(m), true);
      this.vehiclesShown = m.vehicles.length;
    }
    for (const i of this.book.incidents.values()) {
      if (isOverdue(this.o.setup.sla, i, now) !== (this.overdueShown.get(i.id) ?? false)) this.publish(i);
    }
  }

  counts(): IncidentCounts {
    const now = this.o.clock();
    let overdue = 0;
    for (const i of this.book.incidents.values()) if (isOverdue(this.o.setup.sla, i, now)) overdue++;
    return { ...this.book.counts(), overdue };
  }

  /** Stops the timers and a flood computation (retained messages stay). Safe twice. */
  stop(): void {
    this.closures?.stop();
    for (const t of this.clearTimers) clearTimeout(t);
    this.clearTimers.clear();
  }
}
