import type { Router } from '../../route/Router';
import { FLOOD_SNAP_M } from '../../route/roadClosures';
import type { IncidentActor, UnitChain } from '../incidents/Incident';
import type { BookOutcome, IncidentBook } from '../incidents/IncidentBook';
import type { IncidentCommand } from '../incidents/incidentCommand';
import { refusal } from '../incidents/incidentRights';
import type { TripLeg } from '../incidents/TripLeg';
import type { VehicleMotion } from '../incidents/VehicleMotion';
import { parseFloodRunMessage } from '../runs/floodRunMessage';
import type { HubStore } from '../store/HubStore';
import type { StoreWriter } from '../store/StoreWriter';
import type { HubTopics } from '../topics';
import { ClosureBook } from './ClosureBook';
import type { FloodRoads } from './FloodRoads';
import { closureWords, type RoadClosure } from './RoadClosure';
import { rerouteVehicles, type Reroute } from './rerouteVehicles';

/** What a closure command did: the closure, the steps it added to incidents, the vehicles it re-routed. */
export interface ClosureOutcome {
  closure: RoadClosure;
  change: 'closed' | 'reopened';
  by: IncidentActor;
  atMs: number;
  steps: BookOutcome[];
  reroutes: Reroute[];
}

export interface ClosureServiceOptions {
  router: Router;
  /** The unit chain of a point, null outside the city. */
  locate: (lonLat: [number, number]) => UnitChain | null;
  incidents: IncidentBook;
  motion: VehicleMotion;
  floodRoads: FloodRoads;
  topics: HubTopics;
  store: HubStore | null;
  writer: StoreWriter | null;
  publish: (topic: string, payload: string, retain: boolean) => void;
  /** Publishes and stores an incident step (the incident service does). */
  stepDone: (o: BookOutcome) => Array<Promise<void>>;
  /** Stores a vehicle's new leg. */
  legDone: (incidentId: string, vehicleId: string, leg: TripLeg) => Array<Promise<void>>;
  clock: () => number;
}

/**
 * Road closures as hub state: applies close_road, reopen_road and close_flooded_roads (ClosureBook
 * holds them and the router's closures), re-routes the vehicles under way that a change concerns
 * (rerouteVehicles), writes who closed what and each re-route with its ETA before and after on
 * the incidents' timelines, publishes the open closures retained on `hub/<city>/closures`, and
 * keeps closures and new legs in the store (taken back on start).
 */
export class ClosureService {
  readonly book: ClosureBook;

  constructor(private readonly o: ClosureServiceOptions) {
    this.book = new ClosureBook({ router: o.router, locate: o.locate, clock: o.clock });
  }

  /** Takes the open closures back from the store (before the incidents' trips, which route with them). */
  async restore(): Promise<void> {
    if (this.o.store) this.book.restore(await this.o.store.openClosures());
  }

  /** Publishes the open closures (retained; a fresh broker session gets them again). */
  republish(): void {
    this.o.publish(this.o.topics.closures, JSON.stringify(this.book.message(this.o.clock())), true);
  }

  /** A message on `runs/flood`: the run flood closures are taken from. */
  takeFloodRun(payload: Uint8Array): void {
    const m = parseFloodRunMessage(payload);
    if (m === null || !('error' in m)) this.o.floodRoads.take(m);
  }

  /** Applies a closure command from `actor`; the outcome, or the reason it was refused. */
  async apply(cmd: IncidentCommand, actor: IncidentActor): Promise<ClosureOutcome | { refused: string }> {
    if (cmd.incidentId !== undefined) {
      const i = this.o.incidents.incidents.get(cmd.incidentId);
      const denied = i ? refusal(actor, 'note', i) : `no incident ${cmd.incidentId}`;
      if (denied) return { refused: denied };
    }
    const head = { by: actor, reason: cmd.text ?? null, incidentId: cmd.incidentId ?? null };
    let made: RoadClosure | { refused: string };
    if (cmd.action === 'reopen_road') made = this.book.reopen(cmd.closureId!, actor);
    else if (cmd.action === 'close_road') made = this.book.closeAt(cmd.lonLat!, head);
    else {
      const f = await this.o.floodRoads.samples(cmd.run!, cmd.frameIndex, cmd.depthM!);
      if ('refused' in f) return f;
      made = this.book.closeFlooded(f.points, FLOOD_SNAP_M, { run: cmd.run!, frameIndex: f.frameIndex, timeS: f.timeS, depthM: cmd.depthM!, samples: f.points.length }, head);
    }
    return 'refused' in made ? made : this.after(made, cmd.action === 'reopen_road' ? 'reopened' : 'closed', actor);
  }

  /** Re-routes what the change concerns and writes the steps. */
  private after(closure: RoadClosure, change: ClosureOutcome['change'], by: IncidentActor): ClosureOutcome {
    const now = this.o.clock(), book = this.o.incidents, what = closureWords(closure);
    const reroutes = rerouteVehicles(this.o.motion, this.o.router, (id) => book.incidents.get(id)?.lonLat ?? null, now, change);
    const steps: BookOutcome[] = [];
    const add = (s: BookOutcome | null) => { if (s) steps.push(s); };
    if (closure.incidentId) add(book.annotate(closure.incidentId, by, change === 'closed' ? 'close_road' : 'reopen_road', `${what} ${change}${change === 'closed' && closure.reason ? `: ${closure.reason}` : ''}`, { closureId: closure.id }));
    for (const r of reroutes) {
      this.o.motion.reroute(r.vehicleId, r.leg);
      const a = book.incidents.get(r.incidentId)?.assignments.find((x) => x.vehicleId === r.vehicleId && x.releasedAtMs === null);
      if (a) a.rerouted = { atMs: now, etaMs: r.etaAfterMs };
      const how = r.leg.route ? (r.etaBeforeMs === null ? 'a route again, on the way' : 're-routed') : 'no route to the scene: stopped until a road reopens';
      add(book.annotate(r.incidentId, by, 'reroute', `${what} ${change}: ${r.vehicleId} ${how}`, { vehicleIds: [r.vehicleId], closureId: closure.id, etaMs: { from: r.etaBeforeMs, to: r.etaAfterMs } }));
    }
    return { closure, change, by, atMs: now, steps, reroutes };
  }

  /** Publishes and stores what a closure command did; returns the store writes. */
  applied(out: ClosureOutcome): Array<Promise<void>> {
    this.republish();
    const writes = out.steps.flatMap((s) => this.o.stepDone(s));
    for (const r of out.reroutes) writes.push(...this.o.legDone(r.incidentId, r.vehicleId, r.leg));
    const { writer, store } = this.o;
    if (writer && store) {
      const c = structuredClone(out.closure);
      writes.push(writer.enqueue(`road closure ${c.id} ${out.change}`, () => store.recordClosure(c, out.change, out.by.username, out.atMs)));
    }
    return writes;
  }

  /** Stops a flood computation under way. Safe twice. */
  stop(): void {
    this.o.floodRoads.stop();
  }
}
