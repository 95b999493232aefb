import type { HubSide } from '../../../hub/client/HubLink';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES } from '../../../hub/incidents/Incident';
import type { IncidentAction, IncidentCommand } from '../../../hub/incidents/incidentCommand';
import type { SessionAccount } from '../../../auth/SessionInfo';
import { IncidentDetail } from '../../../ui/incidents/IncidentDetail';
import { IncidentList } from '../../../ui/incidents/IncidentList';
import { words } from '../../../ui/incidents/incidentText';
import { CLICK_PRIORITY } from '../../host/ClickRouter';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import { followHubSide } from '../liveSigns/hubSideSection';
import type { LiveSignsFeature } from '../liveSigns/LiveSignsFeature';
import { incidentSceneLayer, vehicleLayer } from './incidentLayers';

/** What browser tests and consoles reach as `window.twin.incidents`. */
export interface LiveIncidents {
  side: HubSide;
  open(id: string): void;
  /** Sends a command as this page's account (resolves with the hub's reply, rejects with its reason). */
  command(action: IncidentAction, fields: Omit<IncidentCommand, 'id' | 'action'>): ReturnType<NonNullable<HubSide['commands']>['incident']>;
}

/**
 * Incident command in the workspace (Operate tab): the list this centre sees (its own, escalated to
 * it, in its area) filtered by tier, status and type; the detail in the drawer with timeline,
 * units and ETAs and the actions its status allows; creating an incident from an open alert or at
 * a point picked on the map (key E); scenes and moving vehicles on the map. Everything is hub
 * state: a vehicle sent by one centre is busy for every other.
 */
export class IncidentsFeature implements Feature {
  readonly name = 'incidents';
  private readonly offs: Array<() => void> = [];
  private sideOffs: Array<() => void> = [];
  private list: IncidentList | null = null;
  private form: HTMLElement | null = null;
  private opened: string | null = null;
  private detail: IncidentDetail | null = null;
  private armed = false;
  private side: HubSide | null = null;
  private account: () => SessionAccount | null = () => null;

  constructor(private readonly live: LiveSignsFeature) {}

  init(host: FeatureHost): void {
    const slot = host.slot('incidents', 'Incidents');
    if (!slot) return;
    this.offs.push(followHubSide(this.live, slot, {
      waiting: 'Incidents are kept by the operations hub: log in for the live feed to see them.',
      noGrant: 'Incidents need the operations hub, and this log-in has no hub grant for this city.',
    }, (side, signs) => {
      this.detach(host);
      if (side) this.attach(host, slot, side, () => signs.session.current?.account ?? null);
    }));
    this.offs.push(
      host.shortcuts.add('e', 'New incident at the next point clicked on the map', this.name, () => { this.armed = !this.armed; host.status(this.armed ? 'Click the map where the incident is (E again to cancel).' : 'New incident cancelled.'); }),
      host.clicks.add(CLICK_PRIORITY.tool, (hit) => {
        if (!this.armed || !hit.lonLat) return false;
        this.armed = false;
        this.createAt(host, hit.lonLat);
        return true;
      }),
    );
  }

  private attach(host: FeatureHost, slot: HTMLElement, side: HubSide, account: () => SessionAccount | null): void {
    this.side = side;
    this.account = account;
    this.form = this.createForm(host, slot, side);
    const list = (this.list = new IncidentList(slot, () => this.refresh(host), (id) => this.open(host, id)));
    this.detail = new IncidentDetail(async (action, fields) => {
      if (!side.commands) throw new Error('this account may only view incidents');
      const r = await side.commands.incident(action, { incidentId: this.opened!, ...fields });
      return r.proposal;
    });
    const timer = setInterval(() => this.refresh(host), 5000);
    this.sideOffs.push(
      side.state.events.subscribe('incident', () => this.refresh(host)),
      side.state.events.subscribe('vehicles', (v) => host.overlay.set('incidents:vehicles', vehicleLayer(v))),
      () => clearInterval(timer), () => list.dispose(), () => this.form?.remove(),
    );
    this.refresh(host);
    host.expose('incidents', {
      side, open: (id: string) => this.open(host, id),
      command: (action, fields) => { if (!side.commands) throw new Error('this account may only view incidents'); return side.commands.incident(action, fields); },
    } satisfies LiveIncidents);
  }

  private refresh(host: FeatureHost): void {
    const side = this.side, list = this.list;
    if (!side || !list) return;
    const a = this.account(), now = Date.now();
    const shown = side.state.incidentList({ ...list.filter(), ...(a ? { viewer: { tier: a.tier, unitId: a.unitId } } : {}) });
    list.show(shown, now, this.opened);
    host.overlay.set('incidents:scenes', incidentSceneLayer(shown));
    const open = this.opened ? side.state.incidents.get(this.opened) : undefined;
    if (open && this.detail) this.detail.show(open, now);
    host.announce('incidents', String(shown.length));
  }

  private open(host: FeatureHost, id: string): void {
    const i = this.side?.state.incidents.get(id);
    if (!i || !this.detail) return;
    this.opened = id;
    this.detail.show(i, Date.now());
    host.details?.show(this.name, `Incident ${id}`, this.detail.element, () => { this.opened = null; });
    void Promise.all([host.city.dem(), host.city.model()]).then(([dem, model]) => {
      const [x, y] = model.frame.toPlane(i.lonLat[0], i.lonLat[1]);
      host.view.lookAt(i.lonLat[0], i.lonLat[1], dem?.sample(x, y) ?? 0, 900, -45);
    });
  }

  /** "New incident": from one of the open alerts, or by hand at a point picked on the map (E). */
  private createForm(host: FeatureHost, slot: HTMLElement, side: HubSide): HTMLElement {
    const box = slot.appendChild(document.createElement('div'));
    box.className = 'incident-new';
    box.innerHTML = `<select name="incident-alert" aria-label="Open alert to make an incident of"></select><button type="button" data-new="alert">Incident from alert</button>
      <select name="incident-new-type" aria-label="Type of a new incident">${INCIDENT_TYPES.map((t) => `<option value="${t}">${words(t)}</option>`).join('')}</select>
      <select name="incident-new-severity" aria-label="Severity of a new incident">${INCIDENT_SEVERITIES.map((s) => `<option value="${s}">${s}</option>`).join('')}</select><button type="button" data-new="map">On the map (E)</button>`;
    const alerts = box.querySelector<HTMLSelectElement>('select[name="incident-alert"]')!;
    const fill = () => {
      const open = side.state.openAlerts().filter((a) => !side.state.incidentOfAlert(a.id));
      alerts.replaceChildren(...open.map((a) => new Option(`${a.severity} · ${a.title} · ${a.label}`, a.id)));
      if (!open.length) { const none = new Option('no open alert without an incident', ''); none.disabled = true; alerts.append(none); }
    };
    fill();
    this.sideOffs.push(side.state.events.subscribe('alert', fill), side.state.events.subscribe('incident', fill));
    box.querySelector('button[data-new="alert"]')!.addEventListener('click', () => { if (alerts.value) void this.create(host, { alertId: alerts.value }); });
    box.querySelector('button[data-new="map"]')!.addEventListener('click', () => { this.armed = true; host.status('Click the map where the incident is (E to cancel).'); });
    return box;
  }

  private createAt(host: FeatureHost, lonLat: [number, number]): void {
    const val = (n: string) => this.form?.querySelector<HTMLSelectElement>(`select[name="${n}"]`)?.value;
    void this.create(host, { lonLat, type: val('incident-new-type') as IncidentCommand['type'], severity: val('incident-new-severity') as IncidentCommand['severity'], title: 'Reported on the map' });
  }

  private async create(host: FeatureHost, fields: Omit<IncidentCommand, 'id' | 'action'>): Promise<void> {
    const side = this.side;
    if (!side?.commands) { host.status('This account may only view incidents.'); return; }
    try {
      const r = await side.commands.incident('create', fields);
      const id = r.incidentId;
      if (!id) return;
      host.status(`Incident ${id} reported.`);
      // The reply may come before the incident's own retained message: open it when it is here.
      if (side.state.incidents.has(id)) { this.refresh(host); this.open(host, id); return; }
      const off = side.state.events.subscribe('incident', ({ incident }) => { if (incident.id === id) { off(); this.open(host, id); } });
      setTimeout(off, 10_000);
    } catch (err) {
      host.status(`New incident refused: ${(err as Error).message}`);
    }
  }

  private detach(host: FeatureHost): void {
    for (const off of this.sideOffs.splice(0)) off();
    this.side = this.list = this.detail = this.form = null;
    this.opened = null;
    host.overlay.remove('incidents:scenes');
    host.overlay.remove('incidents:vehicles');
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    for (const off of this.sideOffs.splice(0)) off();
  }
}
