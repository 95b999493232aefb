import type { Incident, IncidentActor, IncidentSeverity, IncidentSource, IncidentType, UnitChain } from './Incident';
import type { IncidentCommand } from './incidentCommand';
import { defaultOwner, distinct } from './incidentOwnership';
import { inArea } from './incidentRights';

/** What the hub knows of an alert an incident is made from (any hub's: from the sensor registry). */
export interface AlertFacts {
  lonLat: [number, number];
  type: IncidentType;
  /** From the alert's colour when this hub holds the alert, else null (then 'medium'). */
  severity: IncidentSeverity | null;
  title: string;
}

export interface CreateContext {
  hubId: string;
  cityUnitId: string;
  nowMs: number;
  /** The unit chain of a point, null outside the city. */
  locate: (lonLat: [number, number]) => UnitChain | null;
  alertFacts: (alertId: string) => AlertFacts | null;
  /** An open incident already made from this source key ('alert:<id>', 'hotline:<caseId>'). */
  openFrom: (sourceKey: string) => Incident | undefined;
  newId: (nowMs: number) => string;
}

/** The key that keeps one open incident per alert or hotline case. */
export function sourceKey(s: IncidentSource): string | null {
  return s.kind === 'alert' ? `alert:${s.alertId}` : s.kind === 'hotline' ? `hotline:${s.caseId}` : null;
}

/**
 * A new incident from a create command (from an alert, a 12345 hotline case or by hand): placed
 * in the unit hierarchy, owned by the rule of defaultOwner, its first timeline step the creation.
 * Refused (with the reason) outside the city, outside the creator's area, or for an alert or case
 * that already has an open incident.
 */
export function createIncident(cmd: IncidentCommand, actor: IncidentActor, c: CreateContext): Incident | { refused: string } {
  let source: IncidentSource = { kind: 'manual' };
  let facts: AlertFacts | null = null;
  if (cmd.alertId !== undefined) {
    facts = c.alertFacts(cmd.alertId);
    if (!facts) return { refused: `no alert ${cmd.alertId}` };
    source = { kind: 'alert', alertId: cmd.alertId };
  } else if (cmd.hotline) {
    source = { kind: 'hotline', caseId: cmd.hotline.caseId, callerText: cmd.hotline.callerText, callerPhone: cmd.hotline.callerPhone ?? null };
  }
  const key = sourceKey(source);
  const existing = key ? c.openFrom(key) : undefined;
  if (existing) return { refused: `${key!.replace(':', ' ')} is already incident ${existing.id}` };
  const lonLat = cmd.lonLat ?? facts!.lonLat, extent = cmd.extentLonLat ?? [];
  const chains: UnitChain[] = [];
  for (const p of [lonLat, ...extent]) {
    const chain = c.locate(p);
    if (!chain) return { refused: `[${p.join(', ')}] lies outside the city's units` };
    chains.push(chain);
  }
  const districtIds = distinct(chains.map((x) => x.districtId)), streetIds = distinct(chains.map((x) => x.streetId));
  if (!inArea(actor, { districtIds, streetIds })) return { refused: `${actor.username} (${actor.tier} ${actor.unitId}) may not report an incident outside its ${actor.tier}` };
  const type = cmd.type ?? facts!.type, severity = cmd.severity ?? facts?.severity ?? 'medium';
  const title = cmd.title ?? facts?.title ?? (cmd.hotline ? `12345: ${cmd.hotline.callerText.slice(0, 60)}` : `${type.replace('_', ' ')} (${severity})`);
  const now = c.nowMs;
  return {
    id: c.newId(now), type, severity, title, lonLat, extentLonLat: extent, ...chains[0], districtIds, streetIds, source,
    status: 'reported', owner: defaultOwner(severity, chains, c.cityUnitId), statusAtMs: { reported: now }, createdBy: actor, updatedAtMs: now,
    timeline: [{ atMs: now, by: actor, action: 'create', from: null, to: 'reported', ...(cmd.text ? { text: cmd.text } : {}) }], assignments: [], hubId: c.hubId,
  };
}

/** `INC-<yyyymmdd>-<hhmmss>-<ms>` (UTC) of a time: readable, sortable, a topic level (`CLO-...` for road closures). */
export function incidentIdAt(ms: number, prefix = 'INC'): string {
  const iso = new Date(ms).toISOString();
  return `${prefix}-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
}
