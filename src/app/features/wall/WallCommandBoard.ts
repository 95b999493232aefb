import { alertCounts, replayVitalSigns, tickerLine, vitalSigns } from '../../../hub/client/commandBoard';
import type { HubSide } from '../../../hub/client/HubLink';
import type { ReplayState } from '../../../hub/client/HubReplay';
import type { UnitIndex } from '../../../signs/units/UnitIndex';
import { CommandPanels, type PanelPlaces } from '../../../ui/wall/CommandPanels';
import { INCIDENT_SEVERITIES } from '../../../hub/incidents/Incident';
import type { PublishedIncident } from '../../../hub/incidents/IncidentService';
import type { VehiclesMessage } from '../../../hub/incidents/VehicleMotion';
import { elapsedText, words } from '../../../ui/incidents/incidentText';

const TICKER_LINES = 8;

/** What the wall feature does besides the panels: markers and the tour. */
export interface BoardHooks {
  incidents?(open: PublishedIncident[]): void;
  vehicles?(v: VehiclesMessage): void;
  /** A new incident appeared (the wall interrupts its tour for severe ones). */
  incidentAdded?(i: PublishedIncident): void;
}

/** A ticker line for a new incident. */
function incidentTickerLine(i: PublishedIncident): ReturnType<typeof tickerLine> {
  const sev = (['blue', 'yellow', 'orange', 'red'] as const)[INCIDENT_SEVERITIES.indexOf(i.severity)] ?? 'blue';
  const at = i.statusAtMs.reported ?? i.updatedAtMs;
  return { atMs: at, severity: sev, text: `${new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })} incident ${i.id} · ${words(i.type)} (${i.severity}) · ${i.title}` };
}
const SPARK_REFRESH_MS = 5 * 60_000;

/**
 * Keeps the wall's command panels in step with the hub's state: vital signs and alert counts
 * redrawn at most twice a second on indicator and alert messages, a ticker line per alert change,
 * and the 24 h sparklines fetched from the history API every 5 minutes. Reads hub state only.
 * While a replay runs (`replay(state)`) the panels show that moment instead, tagged, and the
 * incident markers and vehicles are taken off the map (the store's state has none of them).
 */
export class WallCommandBoard {
  readonly panels: CommandPanels;
  private readonly offs: Array<() => void> = [];
  private readonly lines: Array<ReturnType<typeof tickerLine>> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sparkTimer: ReturnType<typeof setInterval> | null = null;
  private readonly districtIds: string[];
  /** Renders so far (the wall test waits on it). */
  renders = 0;
  private disposed = false;
  private replayed: { state: ReplayState; label: string } | null = null;

  constructor(parent: HTMLElement, places: PanelPlaces, private readonly side: HubSide, units: UnitIndex, private readonly on: BoardHooks = {}) {
    this.districtIds = Array.from(units.unitsOfLevel('district'), (i) => units.ids[i]);
    this.panels = new CommandPanels(parent, places, (id) => { const i = units.indexOf(id); return i >= 0 ? units.names[i] : id; });
    const s = side.state;
    this.offs.push(
      s.events.subscribe('indicators', () => this.schedule()),
      s.events.subscribe('alert', ({ alert, change }) => {
        if (change !== 'removed') this.lines.unshift(tickerLine(alert, change, Date.now()));
        this.lines.splice(TICKER_LINES);
        this.schedule();
      }),
      s.events.subscribe('incident', ({ incident, change }) => {
        if (change === 'added') { this.lines.unshift(incidentTickerLine(incident)); this.lines.splice(TICKER_LINES); this.on.incidentAdded?.(incident); }
        this.schedule();
      }),
      s.events.subscribe('vehicles', (v) => { if (!this.replayed) this.on.vehicles?.(v); }),
    );
    this.render();
    void this.refreshSparks();
    this.sparkTimer = setInterval(() => void this.refreshSparks(), SPARK_REFRESH_MS);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => { this.timer = null; this.render(); }, 500);
  }

  /** Shows a replayed moment (tagged with `label`, e.g. 'REPLAY 14:32') until called with null: live again. */
  replay(state: ReplayState | null, label = ''): void {
    const was = this.replayed;
    this.replayed = state ? { state, label } : null;
    this.panels.setReplay(state ? label : null);
    if (state && !was) this.on.vehicles?.({ timeMs: state.atMs, vehicles: [] });
    if (!state && was && this.side.state.vehicles) this.on.vehicles?.(this.side.state.vehicles);
    this.render();
  }

  private render(): void {
    if (this.replayed) this.renderReplay(this.replayed.state);
    else this.renderLive();
    this.renders++;
  }

  private renderLive(): void {
    const s = this.side.state;
    this.panels.showVitals(vitalSigns(s));
    this.panels.showCounts(alertCounts(s.openAlerts(), this.districtIds));
    this.panels.showTicker(this.lines);
    const now = Date.now(), open = s.incidentList({}).filter((i) => i.status !== 'resolved');
    this.panels.showIncidents(open.map((i) => ({
      id: i.id, severity: i.severity, overdue: (i.sla?.overdueS ?? 0) > 0,
      text: `${i.id} · ${words(i.type)} · ${words(i.status)} · ${i.owner.tier} · ${elapsedText(i.statusAtMs.reported ?? i.updatedAtMs, now)}${(i.sla?.overdueS ?? 0) > 0 ? ' · overdue' : ''}`,
    })));
    this.on.incidents?.(open);
  }

  /** The moment replayed: its vital signs (marked on the sparklines), the alerts open then counted and listed. */
  private renderReplay(r: ReplayState): void {
    this.panels.showVitals(replayVitalSigns(r), r.atMs);
    this.panels.showCounts(alertCounts(r.alerts, this.districtIds));
    const open = [...r.alerts].sort((a, b) => b.raisedAtMs - a.raisedAtMs).slice(0, TICKER_LINES);
    this.panels.showTicker(open.map((a) => tickerLine(a, 'added', r.atMs)), 'No alert was open then.');
    this.panels.showIncidents([], 'Not replayed: incidents show again when live.');
    this.on.incidents?.([]);
  }

  /** Fetches each sign's 24 h series of the city unit; a sign whose history fails keeps its last line. */
  private async refreshSparks(): Promise<void> {
    const signs = vitalSigns(this.side.state);
    const cityUnit = signs[0]?.cityUnitId;
    if (this.disposed) return;
    if (!cityUnit) { setTimeout(() => void this.refreshSparks(), 2000); return; }
    await Promise.all(signs.map(async (v) => {
      try {
        const h = await this.side.history.unitSeries(cityUnit, v.kind, '24h');
        this.panels.setSparkline(v.kind, h.points.map((p) => [p[0], p[1]] as const), h.fromMs, h.toMs);
      } catch { /* shown as a sign without a sparkline; the next refresh tries again */ }
    }));
    if (!this.disposed) this.render();
  }

  dispose(): void {
    this.disposed = true;
    for (const off of this.offs.splice(0)) off();
    if (this.timer) clearTimeout(this.timer);
    if (this.sparkTimer) clearInterval(this.sparkTimer);
    this.panels.dispose();
  }
}
