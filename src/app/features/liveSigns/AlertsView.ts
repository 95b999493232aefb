import type { Alert } from '../../../signs/alerts/Alert';
import type { SensorRegistry } from '../../../signs/registry/SensorInfo';
import type { SignsStore } from '../../../signs/SignsStore';
import type { HubLink, HubSide } from '../../../hub/client/HubLink';
import { alertText } from '../../../ui/signs/alertText';
import { AlertList, type AlertSource } from '../../../ui/signs/AlertList';
import { HubHealthBadge } from '../../../ui/signs/HubHealthBadge';
import type { FeatureHost } from '../../host/FeatureHost';
import { alertingSensorLayer } from './sensorMarkerLayers';
import { inScope, type UnitScope } from '../../../twin/scope/unitScope';

/** An alert book seen through a scope: only the alerts of its district or street. */
function scopedAlerts(source: AlertSource, scope: UnitScope | null): AlertSource {
  if (!scope) return source;
  return {
    events: { subscribe: (type, listener) => source.events.subscribe(type, (e) => { if (inScope(e.alert, scope)) listener(e); }) },
    openAlerts: () => source.openAlerts().filter((a) => inScope(a, scope)),
    acknowledge: (id) => source.acknowledge(id),
    alerts: { resolved: () => source.alerts.resolved().filter((a) => inScope(a, scope)) },
  };
}

/**
 * The alert list and the alert markers, on whichever alert book the page has: the operations
 * hub's shared one while the session grants it (acknowledging sends a command; every display
 * shows the change when the hub publishes it), else the rules this page runs itself. A line above
 * the list says which, so an operator knows whether an acknowledgement is seen elsewhere. When the
 * city's sensors are synthetic (placed by the simulator's rules, no registry of the city's own), a
 * second line says so and every alert carries a "simulated" tag: no one takes them for real readings.
 */
export class AlertsView {
  private list: AlertList | null = null;
  private health: HubHealthBadge | null = null;
  private readonly note: HTMLElement | null;
  private readonly simulatedNote: HTMLElement | null = null;
  private offSource: () => void = () => {};
  private offFailures: () => void = () => {};
  private readonly offHub: () => void;
  private source: AlertSource;
  private side: HubSide | null = null;
  private scope: UnitScope | null = null;
  private held = false;
  private draw: () => void = () => {};

  constructor(
    private readonly host: FeatureHost, private readonly slot: HTMLElement | null, private readonly store: SignsStore,
    hub: HubLink, private readonly registry: SensorRegistry, private readonly onFlyTo: (a: Alert) => void,
  ) {
    this.source = store;
    if (slot && registry.synthetic) {
      this.simulatedNote = slot.appendChild(document.createElement('p'));
      this.simulatedNote.className = 'rc-simulated';
      this.simulatedNote.textContent = `Simulated sensors: ${host.city.manifest.title} has no sensor registry of its own; its ${registry.sensors.length.toLocaleString('en')} sensors were placed by the simulator's rules, so these readings and alerts come from a simulation.`;
    }
    host.announce('sensors', registry.synthetic ? 'synthetic' : 'registry');
    this.note = slot ? slot.appendChild(document.createElement('p')) : null;
    if (this.note) this.note.className = 'muted rc-alert-source';
    this.offHub = hub.events.subscribe('side', (side) => this.use(side));
    this.use(hub.side);
  }

  /** Shows only the alerts of a district or street (null: the whole city). */
  setScope(scope: UnitScope | null): void {
    this.scope = scope;
    this.use(this.side);
  }

  /** Takes the live alert markers off the map while `hold` (a replay shows the alerts of its moment instead). */
  holdMarkers(hold: boolean): void {
    this.held = hold;
    this.draw();
  }

  /** The alert book shown now. */
  get active(): AlertSource {
    return this.source;
  }

  private use(side: HubSide | null): void {
    this.offSource();
    this.offFailures();
    this.list?.dispose();
    this.health?.dispose();
    this.health = side ? new HubHealthBadge(document.querySelector<HTMLElement>('.statusbar') ?? document.body, side.state) : null;
    this.side = side;
    this.source = scopedAlerts(side?.alerts ?? this.store, this.scope);
    this.host.announce('alertSource', side ? 'hub' : 'page');
    if (this.note) {
      this.note.textContent = side
        ? `Shared alerts from the operations hub: an acknowledgement shows on every display${side.commands ? '' : ' (this account may only view them)'}.`
        : 'Alerts computed in this page (no operations hub granted): acknowledgements stay in this window.';
    }
    this.list = this.slot ? new AlertList(this.slot, this.source, { locale: 'en', onFlyTo: this.onFlyTo, simulated: this.registry.synthetic }) : null;
    const draw = (this.draw = () => {
      if (this.held) this.host.overlay.remove('signs:alerts');
      else this.host.overlay.set('signs:alerts', alertingSensorLayer(this.registry.sensors, new Map(this.source.openAlerts().map((a) => [a.sensorId, alertText(a, 'en').title]))));
    });
    this.offSource = this.source.events.subscribe('alert', draw);
    this.offFailures = side ? side.alerts.failures.subscribe('failure', (f) => this.host.status(`Acknowledge ${f.alertId}: ${f.message}`)) : () => {};
    draw();
  }

  dispose(): void {
    this.offHub();
    this.offSource();
    this.offFailures();
    this.list?.dispose();
    this.health?.dispose();
    this.note?.remove();
    this.simulatedNote?.remove();
    this.host.announce('sensors', null);
  }
}
