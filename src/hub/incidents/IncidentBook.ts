import type { RouteResult } from '../../route/RouteResult';
import { createIncident, incidentIdAt, sourceKey, type AlertFacts } from './createIncident';
import { INCIDENT_STATUSES, type Incident, type IncidentActor, type IncidentOwner, type IncidentStatus, type IncidentStep, type UnitChain } from './Incident';
import type { IncidentCommand } from './incidentCommand';
import type { DispatchProposal, IncidentDispatcher } from './IncidentDispatcher';
import { isOpen, transition, type LifecycleAction } from './incidentLifecycle';
import { defaultOwner, escalationTarget, handDownTarget } from './incidentOwnership';
import { refusal } from './incidentRights';
import { TIERS } from '../../server/accounts/Account';

/** Bounds on what commands can multiply: incidents held (open and recently closed), steps per incident. */
export const INCIDENT_BOOK_LIMITS = { incidents: 5000, timelineSteps: 300 } as const;

export interface IncidentBookOptions {
  hubId: string;
  cityUnitId: string;
  locate: (lonLat: [number, number]) => UnitChain | null;
  alertFacts: (alertId: string) => AlertFacts | null;
  /** Proposals and routes; null: the hub has no fleet (dispatch is refused). */
  dispatcher: IncidentDispatcher | null;
  clock: () => number;
}

/** What a command did: the incident as it is now, and what the hub must do next. */
export interface BookOutcome {
  incident: Incident;
  /** The step added (none for a proposal). */
  step: IncidentStep | null;
  proposal?: DispatchProposal;
  /** Dispatch: each new vehicle's route (null without a network). */
  routes?: Map<string, RouteResult | null>;
  /** Vehicles freed by this command (resolved or closed). */
  released?: string[];
}

/**
 * Every incident the hub answers for, and the vehicles they hold: applies incident commands with
 * their rights (incidentRights), lifecycle (incidentLifecycle) and ownership (incidentOwnership)
 * rules, and records each step with who and when. A vehicle is busy from its dispatch until its
 * incident is resolved or closed, for every centre at once (the hub holds the one list). Pure: no
 * broker, no store; the Hub publishes and stores what it returns.
 */
export class IncidentBook {
  readonly incidents = new Map<string, Incident>();
  /** Vehicle id -> the incident holding it. */
  private readonly busy = new Map<string, string>();

  constructor(private readonly o: IncidentBookOptions) {}

  /** Takes incidents back from the store (a hub restarting): their busy vehicles too. */
  restore(list: readonly Incident[]): void {
    for (const i of list) {
      this.incidents.set(i.id, i);
      for (const a of i.assignments) if (a.releasedAtMs === null) this.busy.set(a.vehicleId, i.id);
    }
  }

  /** Drops a closed incident from memory (its retained message went; the store keeps it). */
  forget(id: string): void {
    if (this.incidents.get(id)?.status === 'closed') this.incidents.delete(id);
  }

  /** Vehicle id -> incident id of every busy vehicle. */
  busyVehicles(): ReadonlyMap<string, string> {
    return this.busy;
  }

  /** Applies a command from `actor`; the outcome, or the reason it was refused. */
  apply(cmd: IncidentCommand, actor: IncidentActor): BookOutcome | { refused: string } {
    const L = INCIDENT_BOOK_LIMITS;
    if (cmd.action === 'create') return this.incidents.size >= L.incidents ? { refused: `the hub holds ${L.incidents} incidents, its limit: close some first` } : this.create(cmd, actor);
    const i = this.incidents.get(cmd.incidentId!);
    if (!i) return { refused: `no incident ${cmd.incidentId}` };
    if (i.timeline.length >= L.timelineSteps && !['propose', 'resolve', 'close'].includes(cmd.action)) return { refused: `incident ${i.id} has ${L.timelineSteps} steps, its limit` };
    const right = cmd.action === 'note' || cmd.action === 'propose' ? 'see' : cmd.action === 'escalate' ? 'escalate' : 'act';
    const denied = refusal(actor, right, i);
    if (denied) return { refused: denied };
    switch (cmd.action) {
      case 'note': return this.step(i, actor, 'note', i.status, cmd.text);
      case 'propose': return this.propose(i);
      case 'escalate': case 'hand_down': return this.move(i, actor, cmd);
      case 'dispatch': return this.dispatch(i, actor, cmd);
      default: return this.lifecycle(i, actor, cmd);
    }
  }

  private create(cmd: IncidentCommand, actor: IncidentActor): BookOutcome | { refused: string } {
    const made = createIncident(cmd, actor, {
      hubId: this.o.hubId, cityUnitId: this.o.cityUnitId, nowMs: this.o.clock(), locate: this.o.locate, alertFacts: this.o.alertFacts,
      openFrom: (key) => [...this.incidents.values()].find((x) => x.status !== 'closed' && sourceKey(x.source) === key), newId: (ms) => this.newId(ms),
    });
    if ('refused' in made) return made;
    this.incidents.set(made.id, made);
    return { incident: made, step: made.timeline[0] };
  }

  private newId(ms: number): string {
    let t = ms;
    while (this.incidents.has(incidentIdAt(t))) t++;
    return incidentIdAt(t);
  }

  private step(i: Incident, by: IncidentActor | null, action: IncidentStep['action'], to: IncidentStatus, text?: string, extra: Partial<IncidentStep> = {}): BookOutcome {
    const now = this.o.clock();
    const s: IncidentStep = { atMs: now, by, action, from: i.status, to, ...(text ? { text } : {}), ...extra };
    if (to !== i.status) { i.status = to; i.statusAtMs[to] = now; }
    i.timeline.push(s);
    i.updatedAtMs = now;
    return { incident: i, step: s };
  }

  private lifecycle(i: Incident, actor: IncidentActor, cmd: IncidentCommand): BookOutcome | { refused: string } {
    const t = transition(cmd.action as LifecycleAction, i.status);
    if ('refused' in t) return { refused: `incident ${i.id}: ${t.refused}` };
    if (cmd.action === 'triage' && (cmd.type || cmd.severity)) return this.regrade(i, actor, cmd, t.to);
    const out = this.step(i, actor, cmd.action as IncidentStep['action'], t.to, cmd.text);
    if (t.to === 'resolved' || t.to === 'closed') out.released = this.release(i);
    return out;
  }

  /** Triage with a new type or severity: a severity that calls for a higher tier moves the incident up. */
  private regrade(i: Incident, actor: IncidentActor, cmd: IncidentCommand, to: IncidentStatus): BookOutcome {
    if (cmd.type) i.type = cmd.type;
    if (cmd.severity) i.severity = cmd.severity;
    const wanted = defaultOwner(i.severity, [i], this.o.cityUnitId);
    const up = TIERS.indexOf(wanted.tier) < TIERS.indexOf(i.owner.tier);
    const from = i.owner;
    if (up) i.owner = wanted;
    return this.step(i, actor, 'triage', to, cmd.text, up ? { owner: { from, to: wanted } } : {});
  }

  private move(i: Incident, actor: IncidentActor, cmd: IncidentCommand): BookOutcome | { refused: string } {
    if (i.status === 'closed') return { refused: `incident ${i.id} is closed` };
    const owned = actor.tier === i.owner.tier && actor.unitId === i.owner.unitId;
    // A centre above the owner escalating takes the incident over itself.
    const target: IncidentOwner | { refused: string } = cmd.action === 'hand_down' ? handDownTarget(i)
      : owned ? escalationTarget(i, this.o.cityUnitId) : { tier: actor.tier, unitId: actor.unitId };
    if ('refused' in target) return { refused: `incident ${i.id}: cannot ${cmd.action.replace('_', ' ')}: ${target.refused}` };
    const from = i.owner;
    i.owner = target;
    return this.step(i, actor, cmd.action as 'escalate' | 'hand_down', i.status, cmd.text, { owner: { from, to: target } });
  }

  private propose(i: Incident): BookOutcome | { refused: string } {
    if (!isOpen(i.status)) return { refused: `incident ${i.id} is ${i.status}: nothing to dispatch` };
    const d = this.o.dispatcher;
    if (!d) return { refused: 'the hub has no fleet' };
    const p = d.propose(i, new Set(this.busy.keys()));
    return 'refused' in p ? p : { incident: i, step: null, proposal: p };
  }

  private dispatch(i: Incident, actor: IncidentActor, cmd: IncidentCommand): BookOutcome | { refused: string } {
    const t = transition('dispatch', i.status);
    if ('refused' in t) return { refused: `incident ${i.id}: ${t.refused}` };
    const d = this.o.dispatcher;
    if (!d) return { refused: 'the hub has no fleet' };
    for (const id of cmd.vehicleIds!) {
      if (!d.vehicle(id)) return { refused: `no vehicle ${id} in the city's fleet` };
      const holder = this.busy.get(id);
      if (holder) return { refused: `vehicle ${id} is busy with incident ${holder}${holder === i.id ? ' already' : ''}` };
    }
    const now = this.o.clock(), routes = new Map<string, RouteResult | null>();
    for (const id of cmd.vehicleIds!) {
      const v = d.vehicle(id)!, route = d.route(id, i.lonLat);
      routes.set(id, route);
      i.assignments.push({ vehicleId: id, kind: v.kind, stationId: v.stationId, assignedAtMs: now, assignedBy: actor.username, etaS: route ? Math.round(route.seconds) : null, arrivedAtMs: null, releasedAtMs: null });
      this.busy.set(id, i.id);
    }
    return { ...this.step(i, actor, 'dispatch', t.to, cmd.text, { vehicleIds: [...cmd.vehicleIds!] }), routes };
  }

  /** A vehicle reached the scene: recorded, and the first arrival sets the incident on scene. */
  arrive(incidentId: string, vehicleId: string): BookOutcome | null {
    const i = this.incidents.get(incidentId);
    const a = i?.assignments.find((x) => x.vehicleId === vehicleId && x.releasedAtMs === null && x.arrivedAtMs === null);
    if (!i || !a) return null;
    a.arrivedAtMs = this.o.clock();
    return this.step(i, null, 'arrive', i.status === 'dispatched' ? 'on_scene' : i.status, undefined, { vehicleIds: [vehicleId] });
  }

  /** A step that changes no status (a road closed or reopened, a vehicle re-routed) on an incident still held; null when it is not. */
  annotate(incidentId: string, by: IncidentActor | null, action: IncidentStep['action'], text: string, extra: Partial<IncidentStep> = {}): BookOutcome | null {
    const i = this.incidents.get(incidentId);
    return i ? this.step(i, by, action, i.status, text, extra) : null;
  }

  /** Frees the incident's vehicles; returns their ids. */
  private release(i: Incident): string[] {
    const now = this.o.clock(), freed: string[] = [];
    for (const a of i.assignments) {
      if (a.releasedAtMs !== null) continue;
      a.releasedAtMs = now;
      this.busy.delete(a.vehicleId);
      freed.push(a.vehicleId);
    }
    return freed;
  }

  /** Incidents not closed, by status and (open ones: not resolved) by owning tier. */
  counts(): { total: number; open: number; byStatus: Record<IncidentStatus, number>; byTier: Record<string, number> } {
    const byStatus = Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, 0])) as Record<IncidentStatus, number>;
    const byTier: Record<string, number> = Object.fromEntries(TIERS.map((t) => [t, 0]));
    let open = 0;
    for (const i of this.incidents.values()) {
      byStatus[i.status]++;
      if (isOpen(i.status)) { open++; byTier[i.owner.tier]++; }
    }
    return { total: this.incidents.size, open, byStatus, byTier };
  }
}
