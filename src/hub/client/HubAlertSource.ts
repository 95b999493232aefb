import type { Alert, AlertChange } from '../../signs/alerts/Alert';
import { Emitter } from '../../signs/events/Emitter';
import type { AlertEvent } from '../../signs/SignsStoreEvents';
import type { HubAlert } from '../state/HubAlert';
import type { HubCommands } from './HubCommands';
import type { HubState } from './HubState';

/**
 * The hub's alerts in the shape the alert list takes (`AlertSource` of src/ui/signs/AlertList, the
 * same as SignsStore's), so a display lists the hub's shared alerts instead of its own: events when
 * an alert appears or changes state, open and recently resolved alerts, and acknowledge() sending a
 * command (the list redraws when the hub publishes the change, for every display at once).
 * `commands` is null for a viewer: acknowledge() then refuses.
 */
export class HubAlertSource {
  readonly events = new Emitter<{ alert: AlertEvent }>();
  /** Refusals and timeouts of commands sent from the list, for the page to show. */
  readonly failures = new Emitter<{ failure: { alertId: string; message: string } }>();
  readonly alerts = { resolved: (): Alert[] => this.resolvedAlerts() };
  private readonly off: () => void;

  constructor(private readonly state: HubState, private readonly commands: HubCommands | null) {
    this.off = state.events.subscribe('alert', ({ alert, change }) => {
      if (change === 'removed') return;
      this.events.emit('alert', { alert, change: change === 'added' && alert.state !== 'resolved' ? 'raised' : (alert.state as AlertChange) });
    });
  }

  openAlerts(): HubAlert[] {
    return this.state.openAlerts();
  }

  private resolvedAlerts(): HubAlert[] {
    return [...this.state.alerts.values()].filter((a) => a.state === 'resolved').sort((a, b) => (b.resolvedAtMs ?? 0) - (a.resolvedAtMs ?? 0));
  }

  /** Sends an acknowledgement; true when it was sent (the change shows once the hub publishes it). */
  acknowledge(alertId: string): boolean {
    const a = this.state.alerts.get(alertId);
    if (!this.commands || !a || a.state !== 'raised') return false;
    this.commands.send('acknowledge', alertId).catch((err: Error) => this.failures.emit('failure', { alertId, message: err.message }));
    return true;
  }

  dispose(): void {
    this.off();
    this.events.dispose();
    this.failures.dispose();
  }
}
