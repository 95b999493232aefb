import type { HubAlert } from '../state/HubAlert';
import type { HistoryRange, HistorySeries } from '../store/HubHistory';

/** The hub's history API as a page calls it (same origin, the session cookie proves the login). */
export class HistoryClient {
  constructor(private readonly base = '/api/hub', private readonly fetchFn: typeof fetch = (i, init) => fetch(i, init)) {}

  private async get<T>(path: string): Promise<T> {
    const res = await this.fetchFn(`${this.base}${path}`, { credentials: 'same-origin' });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      throw new Error(`history ${path}: ${body.error ?? `${res.status} ${res.statusText}`}`);
    }
    return (await res.json()) as T;
  }

  /** A sensor's readings over 1 h / 24 h / 7 d, downsampled on the server. */
  sensorSeries(sensorId: string, range: HistoryRange): Promise<HistorySeries & { sensorId: string }> {
    return this.get(`/sensors/${encodeURIComponent(sensorId)}/series?range=${range}`);
  }

  /** A unit's indicator of a kind over a range, from the per-minute snapshots. */
  unitSeries(unitId: string, kind: string, range: HistoryRange): Promise<HistorySeries & { unitId: string; kind: string }> {
    return this.get(`/units/${encodeURIComponent(unitId)}/series?kind=${encodeURIComponent(kind)}&range=${range}`);
  }

  /** Alerts raised in a unit over a range, each with its changes. */
  unitAlerts(unitId: string, range: HistoryRange): Promise<{ unitId: string; alerts: Array<{ alert: HubAlert; events: Array<{ tMs: number; change: string; byUser: string | null }> }> }> {
    return this.get(`/units/${encodeURIComponent(unitId)}/alerts?range=${range}`);
  }

  /** The state at a past moment (replay): indicator snapshots and the alerts open then. */
  stateAt(atMs: number): Promise<{ atMs: number; indicators: Array<{ tier: string; districtId: string; tMs: number; units: string[]; kinds: string[]; values: number[] }>; alerts: HubAlert[] }> {
    return this.get(`/state?at=${Math.round(atMs)}`);
  }
}
