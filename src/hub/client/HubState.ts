import { Emitter } from '../../signs/events/Emitter';
import type { ClosuresMessage } from '../closures/RoadClosure';
import { SEVERITIES } from '../../signs/rules/SignsRule';
import { INCIDENT_SEVERITIES, type IncidentActor } from '../incidents/Incident';
import { refusal } from '../incidents/incidentRights';
import type { PublishedIncident } from '../incidents/IncidentService';
import type { VehiclesMessage } from '../incidents/VehicleMotion';
import type { HubAlert } from '../state/HubAlert';
import type { HubStatus, HubSummary } from '../state/HubStatus';
import { parseIndicatorMessage, type IndicatorMessage } from '../state/IndicatorMessage';
import { parseFloodRunMessage, type FloodRunMessage } from '../runs/floodRunMessage';
import { parseScenarioRunMessage, type ScenarioRunMessage } from '../runs/scenarioRunMessage';
import { hubTopics, parseIndicatorTopic, type HubTopics } from '../topics';

export interface HubStateEvents {
  /** An alert appeared, changed, or went (its retained message was cleared). */
  alert: { alert: HubAlert; change: 'added' | 'updated' | 'removed' };
  indicators: IndicatorMessage;
  status: HubStatus;
  summary: HubSummary;
  /** A workspace's what-if run shown to walls (null: withdrawn). */
  floodRun: FloodRunMessage | null;
  /** A workspace's scenario run shown to walls (null: withdrawn; `error`: a message refused, with why). */
  scenarioRun: ScenarioRunMessage | null | { error: string };
  /** An incident appeared, changed, or went (cleared a while after it closed). */
  incident: { incident: PublishedIncident; change: 'added' | 'updated' | 'removed' };
  /** The dispatched vehicles' positions (about once a second while any drive). */
  vehicles: VehiclesMessage;
  /** The road closures open now (at every change). */
  closures: ClosuresMessage;
}

/** Which incidents a list shows. */
export interface IncidentFilter {
  /** Only those this centre sees (its own, escalated to it, or in its area; see incidentRights). */
  viewer?: Pick<IncidentActor, 'tier' | 'unitId'>;
  status?: PublishedIncident['status'][];
  type?: PublishedIncident['type'][];
  /** Owning tier. */
  ownerTier?: IncidentActor['tier'][];
  /** Leave out closed ones (default true). */
  open?: boolean;
}

/**
 * A display's copy of the hub's shared state, from the retained messages under `hub/<city>/`:
 * alerts (one map, the same in every window), indicators per tier and district, each hub's status
 * and the city summary. Feed it every hub message (`ingest`); it emits what changed. DOM-free:
 * the workspace's alert list and the wall read it the same way.
 */
export class HubState {
  readonly events = new Emitter<HubStateEvents>();
  readonly alerts = new Map<string, HubAlert>();
  /** Latest indicator message per topic ('city', 'grid/510104', ...). */
  readonly indicators = new Map<string, IndicatorMessage>();
  readonly statuses = new Map<string, HubStatus>();
  summary: HubSummary | null = null;
  /** The flood what-if a workspace shows to walls now, or null. */
  floodRun: FloodRunMessage | null = null;
  /** The scenario run a workspace shows to walls now, null when none; and why the latest message was refused, if it was. */
  scenarioRun: ScenarioRunMessage | null = null;
  scenarioRunError: string | null = null;
  readonly incidents = new Map<string, PublishedIncident>();
  vehicles: VehiclesMessage | null = null;
  /** The road closures open now (null until the hub published them). */
  closures: ClosuresMessage | null = null;
  readonly topics: HubTopics;
  /** Messages that were not hub state or did not parse. */
  ignored = 0;

  constructor(readonly cityId: string) {
    this.topics = hubTopics(cityId);
  }

  /** Takes one message; false when it is not hub state of this city. Never throws on bad input. */
  ingest(topic: string, payload: Uint8Array | string): boolean {
    const t = this.topics;
    if (!topic.startsWith(`${t.root}/`)) return this.ignore();
    const text = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
    try {
      if (topic.startsWith(`${t.root}/alerts/`)) return this.takeAlert(topic.slice(t.root.length + 8), text);
      if (topic.startsWith(`${t.root}/incidents/`)) return this.takeIncident(topic.slice(t.root.length + 11), text);
      if (topic === t.vehicles) {
        if (!text) return true;
        const v = JSON.parse(text) as VehiclesMessage;
        if (!Array.isArray(v?.vehicles)) return this.ignore();
        this.vehicles = v;
        this.events.emit('vehicles', v);
        return true;
      }
      if (topic === t.closures) {
        const c = text ? (JSON.parse(text) as ClosuresMessage) : null;
        if (!Array.isArray(c?.closures)) return this.ignore();
        this.closures = c;
        this.events.emit('closures', c!);
        return true;
      }
      const ind = parseIndicatorTopic(t, topic);
      if (ind) {
        const m = parseIndicatorMessage(text);
        if (!m) return this.ignore();
        this.indicators.set(ind.tier === 'city' ? 'city' : `${ind.tier}/${ind.districtId}`, m);
        this.events.emit('indicators', m);
        return true;
      }
      if (topic.startsWith(`${t.root}/status/`) && text) {
        const s = JSON.parse(text) as HubStatus;
        this.statuses.set(s.hubId, s);
        this.events.emit('status', s);
        return true;
      }
      if (topic === t.run('flood')) {
        const m = parseFloodRunMessage(text);
        if (m !== null && 'error' in m) return this.ignore();
        this.floodRun = m;
        this.events.emit('floodRun', m);
        return true;
      }
      if (topic === t.run('scenario')) return this.takeScenarioRun(payload);
      if (topic === t.summary && text) {
        this.summary = JSON.parse(text) as HubSummary;
        this.events.emit('summary', this.summary);
        return true;
      }
    } catch {
      return this.ignore();
    }
    return this.ignore();
  }

  private ignore(): false {
    this.ignored++;
    return false;
  }

  /** A refused run message replaces the run shown before it (the retained one is gone); its error is kept for the wall to say. */
  private takeScenarioRun(payload: Uint8Array | string): boolean {
    const m = parseScenarioRunMessage(payload);
    if (m !== null && 'error' in m) {
      this.scenarioRun = null;
      this.scenarioRunError = m.error;
      this.events.emit('scenarioRun', m);
      return this.ignore();
    }
    this.scenarioRun = m;
    this.scenarioRunError = null;
    this.events.emit('scenarioRun', m);
    return true;
  }

  private takeAlert(id: string, text: string): boolean {
    const old = this.alerts.get(id);
    if (!text) {
      if (!old) return true;
      this.alerts.delete(id);
      this.events.emit('alert', { alert: old, change: 'removed' });
      return true;
    }
    const a = JSON.parse(text) as HubAlert;
    if (a?.id !== id || typeof a.state !== 'string') return this.ignore();
    this.alerts.set(id, a);
    this.events.emit('alert', { alert: a, change: old ? 'updated' : 'added' });
    return true;
  }

  private takeIncident(id: string, text: string): boolean {
    const old = this.incidents.get(id);
    if (!text) {
      if (!old) return true;
      this.incidents.delete(id);
      this.events.emit('incident', { incident: old, change: 'removed' });
      return true;
    }
    const i = JSON.parse(text) as PublishedIncident;
    if (i?.id !== id || typeof i.status !== 'string' || !Array.isArray(i.timeline)) return this.ignore();
    this.incidents.set(id, i);
    this.events.emit('incident', { incident: i, change: old ? 'updated' : 'added' });
    return true;
  }

  /** Incidents matching the filter (default: not closed), most severe first, then oldest first. */
  incidentList(f: IncidentFilter = {}): PublishedIncident[] {
    const viewer = f.viewer ? { username: '', ...f.viewer } : null;
    return [...this.incidents.values()].filter((i) => (f.open === false || i.status !== 'closed')
      && (!f.status || f.status.includes(i.status)) && (!f.type || f.type.includes(i.type)) && (!f.ownerTier || f.ownerTier.includes(i.owner.tier))
      && (!viewer || refusal(viewer, 'see', i) === null))
      .sort((a, b) => INCIDENT_SEVERITIES.indexOf(b.severity) - INCIDENT_SEVERITIES.indexOf(a.severity) || a.statusAtMs.reported! - b.statusAtMs.reported!);
  }

  /** The incident made from an alert (the newest not closed), for the alert list's "incident" link. */
  incidentOfAlert(alertId: string): PublishedIncident | undefined {
    let found: PublishedIncident | undefined;
    for (const i of this.incidents.values()) if (i.source.kind === 'alert' && i.source.alertId === alertId && i.status !== 'closed') found = i;
    return found;
  }

  /** How late an incident's current step is at `nowMs` (s; 0 when not yet due), null when resolved or closed. */
  overdueS(i: PublishedIncident, nowMs: number): number | null {
    return i.sla ? Math.max(0, (nowMs - i.sla.dueAtMs) / 1000) : null;
  }

  /** Open alerts (raised or acknowledged), most severe and newest first. */
  openAlerts(): HubAlert[] {
    return [...this.alerts.values()].filter((a) => a.state !== 'resolved')
      .sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || b.raisedAtMs - a.raisedAtMs);
  }

  /** The value of `kind` over a unit from the indicator messages (NaN when unknown or no fresh sensor). */
  indicator(unitId: string, kind: string): number {
    for (const m of this.indicators.values()) {
      const u = m.units.indexOf(unitId), k = m.kinds.indexOf(kind as never);
      if (u >= 0 && k >= 0) return m.values[k][u] ?? NaN;
    }
    return NaN;
  }

  dispose(): void {
    this.events.dispose();
  }
}
