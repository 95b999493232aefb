import { CLOSURE_ACTIONS, closureFields, isClosureAction, type ClosureFields } from '../closures/closureCommand';
import { readCommandObject } from '../commands/hubCommand';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES, type IncidentSeverity, type IncidentType } from './Incident';

/** What a display may ask the hub to do with incidents. */
export const INCIDENT_ACTIONS = ['create', 'triage', 'propose', 'dispatch', 'on_scene', 'resolve', 'close', 'escalate', 'hand_down', 'note', ...CLOSURE_ACTIONS] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** Bounds on what one command can multiply. */
export const INCIDENT_LIMITS = { extentPoints: 50, vehiclesPerDispatch: 20, textChars: 500, callerTextChars: 1000 } as const;

/** A 12345 hotline case an incident is made from. */
export interface HotlineCase {
  /** The hotline system's case number. */
  caseId: string;
  /** What the caller said (1-1000 characters). */
  callerText: string;
  callerPhone?: string;
}

/** An incident command as published on `hub/<city>/incident-commands/<unitId>/<username>` (road closures too: ClosureFields). */
export interface IncidentCommand extends ClosureFields {
  /** Chosen by the sender, unique per command (a retry reuses it): 8-64 of [A-Za-z0-9_-]. */
  id: string;
  action: IncidentAction;
  /** Every action but create and the closure actions (optional for close_road and close_flooded_roads). */
  incidentId?: string;
  /** create (from an alert, a hotline case, or by hand) and triage (re-grading). */
  type?: IncidentType;
  severity?: IncidentSeverity;
  title?: string;
  /** create: [lonDeg, latDeg] of the scene (taken from the sensor when made from an alert). */
  lonLat?: [number, number];
  /** create: further points the incident covers (at most 50). */
  extentLonLat?: Array<[number, number]>;
  alertId?: string;
  hotline?: HotlineCase;
  /** dispatch: the vehicles (ids of the city's fleet, 1-20). */
  vehicleIds?: string[];
  /** note (required), and an optional remark on any other action (1-500 characters). */
  text?: string;
}

type Fail = { error: string; id?: string };

/**
 * Validates an incident command payload; returns it or the reason it is refused (field and
 * expected value), with the command's id when that much was readable.
 */
export function parseIncidentCommand(payload: Uint8Array): IncidentCommand | Fail {
  const read = readCommandObject(payload);
  if ('error' in read) return read;
  const { o } = read;
  const id = read.id, fail = (error: string): Fail => ({ id, error });
  if (!INCIDENT_ACTIONS.includes(o.action as IncidentAction)) return fail(`action: expected one of ${INCIDENT_ACTIONS.join('|')}, got ${JSON.stringify(o.action) ?? 'nothing'}`);
  const cmd: IncidentCommand = { id, action: o.action as IncidentAction };
  if (isClosureAction(cmd.action)) {
    const fields = closureFields(o, cmd.action);
    if (typeof fields === 'string') return fail(fields);
    Object.assign(cmd, fields);
  } else if (cmd.action !== 'create') {
    if (typeof o.incidentId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(o.incidentId)) return fail('incidentId: expected an incident id');
    cmd.incidentId = o.incidentId;
  }
  const text = optionalText(o.text, cmd.action === 'note');
  if (typeof text === 'object') return fail(text.error);
  if (text !== undefined) cmd.text = text;
  const rest = cmd.action === 'create' ? createFields(o, cmd) : cmd.action === 'triage' ? gradeFields(o, cmd, false) : cmd.action === 'dispatch' ? vehicleFields(o, cmd) : null;
  return rest ? fail(rest) : cmd;
}

function optionalText(v: unknown, required: boolean): string | undefined | { error: string } {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || !v.trim() || v.length > INCIDENT_LIMITS.textChars) return { error: `text: expected ${INCIDENT_LIMITS.textChars} characters at most, not blank` };
  return v.trim();
}

function lonLatOf(v: unknown): [number, number] | null {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number' && Math.abs(v[0]) <= 180 && Math.abs(v[1]) <= 90 ? [v[0], v[1]] : null;
}

/** type and severity (required for a new incident not made from an alert); the reason of a refusal or null. */
function gradeFields(o: Record<string, unknown>, cmd: IncidentCommand, required: boolean): string | null {
  if (o.type !== undefined || required) {
    if (!INCIDENT_TYPES.includes(o.type as IncidentType)) return `type: expected one of ${INCIDENT_TYPES.join('|')}`;
    cmd.type = o.type as IncidentType;
  }
  if (o.severity !== undefined || required) {
    if (!INCIDENT_SEVERITIES.includes(o.severity as IncidentSeverity)) return `severity: expected one of ${INCIDENT_SEVERITIES.join('|')}`;
    cmd.severity = o.severity as IncidentSeverity;
  }
  return null;
}

function createFields(o: Record<string, unknown>, cmd: IncidentCommand): string | null {
  if (o.alertId !== undefined && o.hotline !== undefined) return 'alertId, hotline: give one source, not both';
  if (o.alertId !== undefined) {
    if (typeof o.alertId !== 'string' || !o.alertId || o.alertId.length > 200) return 'alertId: expected an alert id';
    cmd.alertId = o.alertId;
  }
  if (o.hotline !== undefined) {
    const h = o.hotline as Record<string, unknown> | null;
    if (typeof h !== 'object' || h === null || Array.isArray(h)) return 'hotline: expected {caseId, callerText, callerPhone?}';
    if (typeof h.caseId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(h.caseId)) return 'hotline.caseId: expected 1-64 letters, digits, - or _';
    if (typeof h.callerText !== 'string' || !h.callerText.trim() || h.callerText.length > INCIDENT_LIMITS.callerTextChars) return `hotline.callerText: expected what the caller said, 1-${INCIDENT_LIMITS.callerTextChars} characters`;
    if (h.callerPhone !== undefined && (typeof h.callerPhone !== 'string' || !/^[0-9+ -]{3,20}$/.test(h.callerPhone))) return 'hotline.callerPhone: expected a phone number (3-20 digits, +, - or spaces)';
    cmd.hotline = { caseId: h.caseId, callerText: h.callerText.trim(), ...(h.callerPhone !== undefined ? { callerPhone: h.callerPhone as string } : {}) };
  }
  const graded = gradeFields(o, cmd, cmd.alertId === undefined);
  if (graded) return graded;
  if (o.lonLat !== undefined || cmd.alertId === undefined) {
    const p = lonLatOf(o.lonLat);
    if (!p) return 'lonLat: expected [lonDeg, latDeg]';
    cmd.lonLat = p;
  }
  if (o.extentLonLat !== undefined) {
    if (!Array.isArray(o.extentLonLat) || o.extentLonLat.length > INCIDENT_LIMITS.extentPoints) return `extentLonLat: expected at most ${INCIDENT_LIMITS.extentPoints} points`;
    const pts = o.extentLonLat.map(lonLatOf);
    const bad = pts.findIndex((p) => p === null);
    if (bad >= 0) return `extentLonLat[${bad}]: expected [lonDeg, latDeg]`;
    cmd.extentLonLat = pts as Array<[number, number]>;
  }
  if (o.title !== undefined) {
    if (typeof o.title !== 'string' || !o.title.trim() || o.title.length > 120) return 'title: expected 1-120 characters';
    cmd.title = o.title.trim();
  }
  return null;
}

function vehicleFields(o: Record<string, unknown>, cmd: IncidentCommand): string | null {
  const v = o.vehicleIds;
  if (!Array.isArray(v) || v.length < 1 || v.length > INCIDENT_LIMITS.vehiclesPerDispatch || v.some((x) => typeof x !== 'string' || !x || x.length > 100)) {
    return `vehicleIds: expected 1-${INCIDENT_LIMITS.vehiclesPerDispatch} vehicle ids`;
  }
  if (new Set(v).size !== v.length) return 'vehicleIds: expected each vehicle once';
  cmd.vehicleIds = v as string[];
  return null;
}
