import type { IncidentStep } from '../../hub/incidents/Incident';
import type { PublishedIncident } from '../../hub/incidents/IncidentService';

/** Colours of the incident severities (low..critical), as the alert colours they come from. */
export const INCIDENT_SEVERITY_COLOURS: Readonly<Record<string, string>> = { low: '#3b82f6', medium: '#facc15', high: '#f97316', critical: '#ef4444' };

export const words = (s: string) => s.replace(/_/g, ' ');

/** "12 min", "2 h 05 min": how long since `fromMs`. */
export function elapsedText(fromMs: number, nowMs: number): string {
  const m = Math.max(0, Math.floor((nowMs - fromMs) / 60_000));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** The SLA line: what is due next and when, or how late it is. */
export function slaText(i: PublishedIncident, nowMs: number): string {
  if (!i.sla) return i.status === 'resolved' || i.status === 'closed' ? `${words(i.status)}` : 'no SLA';
  const due = i.sla.dueAtMs - nowMs;
  return i.sla.overdueS > 0 || due < 0
    ? `${words(i.sla.stage)} overdue by ${elapsedText(i.sla.dueAtMs, nowMs)}`
    : `${words(i.sla.stage)} due in ${elapsedText(nowMs, i.sla.dueAtMs)}`;
}

/** "14:02:05": a time of day (local). */
export function clockText(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** One timeline line: "14:02 triage by op (street) — reported → triaged: text"; a re-route with its ETA before and after. */
export function stepText(s: IncidentStep): string {
  const t = clockText(s.atMs);
  const who = s.by ? `${s.by.username} (${s.by.tier})` : 'hub';
  const move = s.from && s.from !== s.to ? ` · ${words(s.from)} → ${words(s.to)}` : '';
  const owner = s.owner ? ` · owner ${s.owner.from.tier} → ${s.owner.to.tier}` : '';
  const vehicles = s.vehicleIds?.length ? ` · ${s.vehicleIds.join(', ')}` : '';
  const eta = s.etaMs ? ` · ETA ${s.etaMs.from === null ? 'none' : clockText(s.etaMs.from)} → ${s.etaMs.to === null ? 'no route' : clockText(s.etaMs.to)}` : '';
  return `${t} ${words(s.action)} by ${who}${move}${owner}${vehicles}${eta}${s.text ? `: ${s.text}` : ''}`;
}
