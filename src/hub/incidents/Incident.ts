import type { UnitKind } from '../../dispatch/Fleet';
import type { Tier } from '../../server/accounts/Account';

/** What happened. */
export const INCIDENT_TYPES = ['fire', 'flood', 'traffic', 'crowd', 'pollution', 'public_health', 'other'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/**
 * How bad, from 1 (low) to 4 (critical); the index in this list + 1 is the level. An alert's
 * colour maps blue -> low, yellow -> medium, orange -> high, red -> critical.
 */
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** Lifecycle, in order: each status is entered once, forwards only. */
export const INCIDENT_STATUSES = ['reported', 'triaged', 'dispatched', 'on_scene', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Who did something: the account's name, tier and unit at that moment; null for the hub itself. */
export interface IncidentActor {
  username: string;
  tier: Tier;
  unitId: string;
}

/** Where the incident came from. */
export type IncidentSource =
  | { kind: 'alert'; alertId: string }
  | { kind: 'hotline'; caseId: string; callerText: string; callerPhone: string | null }
  | { kind: 'manual' };

/** The spatial units a point lies in, finest first ('' for a tier the city does not have). */
export interface UnitChain {
  /** The finest unit containing the point. */
  unitId: string;
  gridId: string;
  communityId: string;
  streetId: string;
  districtId: string;
}

/** The owning centre: a tier and its unit (a street, a district or the city's root unit). */
export interface IncidentOwner {
  tier: Tier;
  unitId: string;
}

/** One step of the timeline. */
export interface IncidentStep {
  atMs: number;
  /** null: the hub did it (a unit arrived, automatic ownership). */
  by: IncidentActor | null;
  action: 'create' | 'triage' | 'dispatch' | 'on_scene' | 'resolve' | 'close' | 'escalate' | 'hand_down' | 'note' | 'arrive' | 'release'
    | 'close_road' | 'reopen_road' | 'reroute';
  /** Status before and after (equal for a note, an escalation, an arrival after the first). */
  from: IncidentStatus | null;
  to: IncidentStatus;
  /** Free text (a note, the reason of an escalation). */
  text?: string;
  /** Owner before and after an escalation or hand-down; vehicles of a dispatch. */
  owner?: { from: IncidentOwner; to: IncidentOwner };
  vehicleIds?: string[];
  /** close_road, reopen_road, reroute: the road closure (`by` closed or reopened it). */
  closureId?: string;
  /** reroute: the vehicle's arrival before and after (epoch ms; null: no route, it stands still). */
  etaMs?: { from: number | null; to: number | null };
}

/** A vehicle sent to the incident. */
export interface IncidentAssignment {
  vehicleId: string;
  kind: UnitKind;
  stationId: string;
  assignedAtMs: number;
  assignedBy: string;
  /** Travel time planned at dispatch (s); null when the hub has no road network. */
  etaS: number | null;
  /** When it reached the scene (epoch ms), null while on the way. */
  arrivedAtMs: number | null;
  /** When it was freed (resolved or closed incident), null while busy. */
  releasedAtMs: number | null;
  /** The latest re-route around a road closure: when, and the new arrival (epoch ms; null: no route, stopped). */
  rerouted?: { atMs: number; etaMs: number | null };
}

/** An incident as the hub keeps, stores and publishes it (retained on `hub/<city>/incidents/<id>`). */
export interface Incident extends UnitChain {
  id: string;
  type: IncidentType;
  severity: IncidentSeverity;
  title: string;
  /** [lonDeg, latDeg] of the scene. */
  lonLat: [number, number];
  /** Further points the incident covers (a flood's extent, a chain of crashes); [] for one place. */
  extentLonLat: Array<[number, number]>;
  /** Every district the scene and its extent touch (one for most incidents). */
  districtIds: string[];
  /** Every street they touch. */
  streetIds: string[];
  source: IncidentSource;
  status: IncidentStatus;
  owner: IncidentOwner;
  /** When each status was entered (epoch ms). */
  statusAtMs: Partial<Record<IncidentStatus, number>>;
  createdBy: IncidentActor;
  updatedAtMs: number;
  timeline: IncidentStep[];
  assignments: IncidentAssignment[];
  hubId: string;
}

/** Levels 1..4 of a severity. */
export function severityLevel(s: IncidentSeverity): number {
  return INCIDENT_SEVERITIES.indexOf(s) + 1;
}

/** The incident severity of an alert colour. */
export function severityOfAlert(colour: 'blue' | 'yellow' | 'orange' | 'red'): IncidentSeverity {
  return ({ blue: 'low', yellow: 'medium', orange: 'high', red: 'critical' } as const)[colour];
}
