import { SEVERITIES, type Severity } from '../../signs/rules/SignsRule';
import type { IncidentCounts } from '../incidents/IncidentService';
import type { StoreStatus } from '../store/StoreWriter';

/** A hub's health as it publishes it (retained on `hub/<city>/status/<hubId>`). */
export interface HubStatus {
  hubId: string;
  districts: string[];
  startedAtMs: number;
  timeMs: number;
  sensors: number;
  openAlerts: number;
  bySeverity: Record<Severity, number>;
  /** Readings accepted per second over the last publishing period. */
  readingsPerS: number;
  rejectedPerS: number;
  /** null when the hub runs without a store. */
  store: StoreStatus | null;
  /** Incident counts of the hub that keeps incidents; null (or absent, older hubs) for the others. */
  incidents?: IncidentCounts | null;
}

/** The city's summary (retained on `hub/<city>/summary`), from every hub's status. */
export interface HubSummary {
  timeMs: number;
  hubs: HubStatus[];
  openAlerts: number;
  bySeverity: Record<Severity, number>;
  /** Every hub's store writes are current (none retrying). */
  storesOk: boolean;
  /** The city's incident counts (from the hub that keeps them), null when no hub does. */
  incidents: IncidentCounts | null;
}

export function summarize(statuses: Iterable<HubStatus>, timeMs: number): HubSummary {
  const hubs = [...statuses].sort((a, b) => a.hubId.localeCompare(b.hubId));
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, hubs.reduce((n, h) => n + (h.bySeverity[s] ?? 0), 0)])) as Record<Severity, number>;
  return {
    timeMs, hubs, openAlerts: hubs.reduce((n, h) => n + h.openAlerts, 0), bySeverity, storesOk: hubs.every((h) => !h.store || h.store.state === 'ok'),
    incidents: hubs.find((h) => h.incidents)?.incidents ?? null,
  };
}
