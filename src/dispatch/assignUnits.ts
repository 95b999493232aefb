import type { Fleet, Incident, UnitKind } from './Fleet';
import { stationIndex, UNIT_KINDS } from './Fleet';
import { hungarian } from './hungarian';
import { maxMatchingSize } from './maxMatching';

/** What to minimise: the sum of all units' travel times, or the longest one (then the sum). */
export type DispatchObjective = 'total' | 'worst';

/** One unit sent to one incident. */
export interface Assignment {
  incidentId: string;
  unitId: string;
  kind: UnitKind;
  stationId: string;
  /** Travel time from the unit's station to the incident (s). */
  etaS: number;
}

/** The result of assignUnits. */
export interface AssignmentPlan {
  objective: DispatchObjective;
  assignments: Assignment[];
  /** Requirements no available, reachable unit could fill. */
  unfilled: Array<{ incidentId: string; kind: UnitKind; missing: number }>;
  /** Sum and maximum of the assigned units' ETAs (s). */
  totalS: number;
  worstS: number;
  /** Per incident: first unit on scene and the whole team on scene (s); Infinity when unfilled. */
  incidents: Array<{ incidentId: string; firstArrivalS: number; teamOnSceneS: number }>;
}

/** Cost of an impossible pair: dominates any sum of real ETAs, so filling slots comes first. */
const FORBIDDEN_S = 1e9;

/**
 * Assigns available units to simultaneous incidents by min-cost matching: each incident's
 * requirements become slots (a fire needing 2 engines + 1 ambulance is 3 slots), a unit can fill a
 * slot of its kind at cost = its station's ETA to the incident (`etaS[station * incidents + i]`).
 * 'total': Hungarian on the slots x units matrix (the most slots filled, then the least total time).
 * 'worst': the smallest threshold that still fills as many slots (binary search over ETAs with a
 * matching check), then the least total time under it.
 */
export function assignUnits(fleet: Fleet, incidents: Incident[], etaS: Float64Array, objective: DispatchObjective = 'total'): AssignmentPlan {
  const stations = stationIndex(fleet);
  if (etaS.length !== fleet.stations.length * incidents.length) {
    throw new Error(`assignUnits: etaS expects ${fleet.stations.length} stations x ${incidents.length} incidents entries, got ${etaS.length}`);
  }
  const units = fleet.units.filter((u) => u.available);
  const slots: Array<{ incident: number; kind: UnitKind }> = [];
  incidents.forEach((inc, i) => {
    for (const kind of UNIT_KINDS) for (let k = 0; k < (inc.requirements[kind] ?? 0); k++) slots.push({ incident: i, kind });
  });
  const eta = (s: number, u: number) => {
    const unit = units[u];
    if (unit.kind !== slots[s].kind) return Infinity;
    return etaS[stations.get(unit.stationId)! * incidents.length + slots[s].incident];
  };
  const cols = units.length + slots.length; // one "unfilled" column per slot keeps rows <= cols
  const costWithin = (limitS: number) => {
    const cost = new Float64Array(slots.length * cols).fill(FORBIDDEN_S);
    for (let s = 0; s < slots.length; s++) {
      for (let u = 0; u < units.length; u++) { const e = eta(s, u); if (e <= limitS) cost[s * cols + u] = e; }
    }
    return cost;
  };
  let match = hungarian(costWithin(Infinity), slots.length, cols);
  if (objective === 'worst') {
    let filled = 0;
    for (let s = 0; s < slots.length; s++) if (match[s] >= 0 && match[s] < units.length && eta(s, match[s]) < Infinity) filled++;
    const limit = smallestFeasibleLimit(slots.length, units.length, eta, filled);
    match = hungarian(costWithin(limit), slots.length, cols);
  }
  return summarise(objective, incidents, slots, units, match, eta);
}

/** The least L such that a matching using only ETAs <= L fills `filled` slots. */
function smallestFeasibleLimit(slots: number, units: number, eta: (s: number, u: number) => number, filled: number): number {
  const values: number[] = [];
  for (let s = 0; s < slots; s++) for (let u = 0; u < units; u++) { const e = eta(s, u); if (e < Infinity) values.push(e); }
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  let lo = 0, hi = sorted.length - 1;
  if (hi < 0) return Infinity;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (maxMatchingSize(slots, units, (s, u) => eta(s, u) <= sorted[mid]) >= filled) hi = mid; else lo = mid + 1;
  }
  return sorted[lo];
}

function summarise(
  objective: DispatchObjective, incidents: Incident[], slots: Array<{ incident: number; kind: UnitKind }>,
  units: Fleet['units'], match: Int32Array, eta: (s: number, u: number) => number,
): AssignmentPlan {
  const assignments: Assignment[] = [];
  const missing = new Map<string, number>();
  slots.forEach((slot, s) => {
    const u = match[s];
    const e = u >= 0 && u < units.length ? eta(s, u) : Infinity;
    if (e < Infinity) {
      assignments.push({ incidentId: incidents[slot.incident].id, unitId: units[u].id, kind: slot.kind, stationId: units[u].stationId, etaS: e });
    } else {
      const key = `${slot.incident}\u0000${slot.kind}`;
      missing.set(key, (missing.get(key) ?? 0) + 1);
    }
  });
  assignments.sort((a, b) => a.incidentId.localeCompare(b.incidentId) || a.etaS - b.etaS);
  const unfilled = [...missing].map(([key, n]) => {
    const [i, kind] = key.split('\u0000');
    return { incidentId: incidents[Number(i)].id, kind: kind as UnitKind, missing: n };
  });
  const perIncident = incidents.map((inc) => {
    const mine = assignments.filter((a) => a.incidentId === inc.id).map((a) => a.etaS);
    const short = unfilled.some((u) => u.incidentId === inc.id);
    return { incidentId: inc.id, firstArrivalS: mine.length ? Math.min(...mine) : Infinity, teamOnSceneS: short ? Infinity : Math.max(0, ...mine) };
  });
  return {
    objective, assignments, unfilled,
    totalS: assignments.reduce((s, a) => s + a.etaS, 0),
    worstS: assignments.reduce((m, a) => Math.max(m, a.etaS), 0),
    incidents: perIncident,
  };
}
