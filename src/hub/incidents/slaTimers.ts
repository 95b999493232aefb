import type { Incident, IncidentStatus } from './Incident';
import { stageMinutes, type SlaConfig } from './SlaConfig';
import type { SlaStage } from './slaSchema';

/** The stage an incident is in while it has a status (none once resolved). */
const STAGE_OF: Partial<Record<IncidentStatus, SlaStage>> = { reported: 'triage', triaged: 'dispatch', dispatched: 'on_scene', on_scene: 'resolve' };

/** Where an incident stands against its SLA now. */
export interface SlaState {
  stage: SlaStage;
  /** When the stage's step is due (epoch ms). */
  dueAtMs: number;
  /** How long past due (s), 0 when not yet due. */
  overdueS: number;
}

/**
 * The current stage of an incident, when its next step is due and how late it is, for a clock
 * reading `nowMs` (injected: tests and replays use their own). null once resolved or closed.
 */
export function slaState(c: SlaConfig, incident: Pick<Incident, 'type' | 'severity' | 'status' | 'statusAtMs'>, nowMs: number): SlaState | null {
  const stage = STAGE_OF[incident.status];
  const since = incident.statusAtMs[incident.status];
  if (!stage || since === undefined) return null;
  const dueAtMs = since + stageMinutes(c, incident.type, incident.severity)[stage] * 60_000;
  return { stage, dueAtMs, overdueS: Math.max(0, (nowMs - dueAtMs) / 1000) };
}

/** True when the incident's current step is past due at `nowMs`. */
export function isOverdue(c: SlaConfig, incident: Pick<Incident, 'type' | 'severity' | 'status' | 'statusAtMs'>, nowMs: number): boolean {
  const s = slaState(c, incident, nowMs);
  return s !== null && nowMs > s.dueAtMs;
}
