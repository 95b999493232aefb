import type { HubStatus } from '../state/HubStatus';

/** How a display words the hubs' health: 'ok', 'degraded' (a store retrying) or 'silent' (no status lately). */
export interface HubHealth {
  level: 'ok' | 'degraded' | 'silent';
  text: string;
  /** Longer explanation for the tooltip. */
  detail: string;
}

/** A hub publishes its status about once a second; this long without one (a busy display may lag a few seconds) and the display says it is silent. */
export const HUB_SILENT_AFTER_MS = 10_000;

/** The health line for a display from the hubs' retained statuses, at `nowMs`. */
export function hubHealth(statuses: Iterable<HubStatus>, nowMs: number): HubHealth {
  const all = [...statuses];
  if (all.length === 0) return { level: 'silent', text: 'hub: no status yet', detail: 'No operations hub has published its status on this city.' };
  const silent = all.filter((s) => nowMs - s.timeMs > HUB_SILENT_AFTER_MS);
  const retrying = all.filter((s) => s.store?.state === 'retrying');
  if (silent.length) {
    const ago = Math.round((nowMs - Math.max(...silent.map((s) => s.timeMs))) / 1000);
    return { level: 'silent', text: `hub silent ${ago} s`, detail: `${silent.map((s) => s.hubId).join(', ')}: no status for ${ago} s; shared alerts and indicators may be behind.` };
  }
  if (retrying.length) {
    const pending = retrying.reduce((n, s) => n + (s.store!.pendingReadings + s.store!.pendingWrites), 0);
    return {
      level: 'degraded', text: `hub store retrying · ${pending.toLocaleString('en')} waiting`,
      detail: `${retrying.map((s) => `${s.hubId}: ${s.store!.lastError ?? 'store away'}`).join('; ')}. Nothing is lost while the buffer holds; the hub catches up when the store is back.`,
    };
  }
  const rate = all.reduce((n, s) => n + s.readingsPerS, 0);
  return { level: 'ok', text: `hub ok · ${rate.toLocaleString('en')} readings/s`, detail: `${all.length} hub${all.length > 1 ? 's' : ''} (${all.map((s) => s.hubId).join(', ')}), stores current.` };
}
