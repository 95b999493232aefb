import type { Assignment } from './Assignment';
import type { Candidates } from './Candidates';
import type { EvacuationNetwork } from './EvacuationNetwork';
import type { EvacuationPackets } from './EvacuationPackets';
import type { EvacuationParams } from './EvacuationParams';
import type { EvacueeGroup, Shelter } from './EvacuationSites';
import type { QueueOutcome } from './simulateQueues';

/** Time (s) by which a fraction of all evacuees is safe; null when that many never are. */
export interface SafeTime {
  fraction: number;
  timeS: number | null;
}

/** What an evacuation run produces; typed arrays are transferable (see evacuationResultTransferables). */
export interface EvacuationResult {
  mode: 'walk' | 'drive';
  /** People asked to leave, placed in a shelter, left without one (no room or no route), of those with no route at all. */
  evacuees: number;
  assignedPeople: number;
  unassignedPeople: number;
  unreachablePeople: number;
  /** Safe-fraction curve: at curveTimesS[i] (s), curveSafeFraction[i] of all evacuees are in a shelter. */
  curveTimesS: Float64Array;
  curveSafeFraction: Float32Array;
  timeToSafe: SafeTime[];
  /** The same with nobody queueing (free flow): how much congestion costs. */
  freeFlowTimeToSafe: SafeTime[];
  /** Time the last sheltered person arrives (s); null when nobody is sheltered. */
  clearanceTimeS: number | null;
  /** Mean time from the order to safety over sheltered people (s). */
  meanTimeToSafetyS: number;
  /** Mean door-to-shelter travel time at free flow over sheltered people (s): what the assignment minimises. */
  meanRouteTimeS: number;
  shelterIds: string[];
  shelterCapacity: Float64Array;
  /** People sent to each shelter, and when the last arrives (s; NaN when none). */
  shelterLoad: Float64Array;
  shelterLastArrivalS: Float64Array;
  groupIds: string[];
  /** People of each group without a shelter. */
  groupUnassigned: Float64Array;
  /** When each group's last sheltered person arrives (s; NaN when none is sheltered). */
  groupClearS: Float64Array;
  /** Longest exit queue wait per source road line (s), indexed like the RoadGraph's `lines`. */
  lineMaxDelayS: Float32Array;
  packets: number;
  wallMs: number;
}

/** Time at which the cumulative people (sorted arrivals) first reach each fraction of `total`. */
function safeTimes(arrivalS: Float64Array, people: Float64Array, total: number, fractions: number[]): SafeTime[] {
  const order = Array.from(arrivalS.keys()).sort((a, b) => arrivalS[a] - arrivalS[b] || a - b);
  return fractions.map((fraction) => {
    let acc = 0;
    for (const q of order) if ((acc += people[q]) >= fraction * total - 1e-9) return { fraction, timeS: arrivalS[q] };
    return { fraction, timeS: null };
  });
}

function curve(arrivalS: Float64Array, people: Float64Array, total: number, stepS: number): { t: Float64Array; f: Float32Array } {
  let last = 0;
  for (const a of arrivalS) last = Math.max(last, a);
  const n = Math.ceil(last / stepS) + 1, binned = new Float64Array(n + 1);
  arrivalS.forEach((a, q) => { binned[Math.ceil(a / stepS)] += people[q]; });
  const t = new Float64Array(n), f = new Float32Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) { acc += binned[i]; t[i] = i * stepS; f[i] = total > 0 ? acc / total : 1; }
  return { t, f };
}

/** Assembles the result of runEvacuation from its parts. */
export function summariseEvacuation(
  input: { groups: EvacueeGroup[]; shelters: Shelter[] }, p: EvacuationParams, net: EvacuationNetwork,
  a: Assignment, pk: EvacuationPackets, q: QueueOutcome, candidates: Candidates, t0: number,
): EvacuationResult {
  const evacuees = input.groups.reduce((s, g) => s + g.people, 0), assigned = a.people.reduce((s, x) => s + x, 0);
  const S = input.shelters.length, load = new Float64Array(S), lastS = new Float64Array(S).fill(NaN);
  const groupClearS = new Float64Array(input.groups.length).fill(NaN);
  let personSeconds = 0, routeSeconds = 0;
  for (let k = 0; k < pk.count; k++) {
    const s = pk.shelter[k], g = pk.group[k], t = q.arrivalS[k];
    load[s] += pk.people[k];
    if (!(lastS[s] >= t)) lastS[s] = t;
    if (!(groupClearS[g] >= t)) groupClearS[g] = t;
    personSeconds += pk.people[k] * t;
    routeSeconds += pk.people[k] * (q.freeFlowArrivalS[k] - pk.departS[k]);
  }
  const lineMaxDelayS = new Float32Array(net.graph.lines.length);
  for (let arc = 0; arc < net.graph.arcCount; arc++) {
    const l = net.graph.arcLine[arc];
    if (q.arcMaxDelayS[arc] > lineMaxDelayS[l]) lineMaxDelayS[l] = q.arcMaxDelayS[arc];
  }
  const c = curve(q.arrivalS, pk.people, evacuees, p.curveStepS);
  const clearance = pk.count > 0 ? q.arrivalS.reduce((m, x) => Math.max(m, x), 0) : null;
  return {
    mode: p.mode, evacuees, assignedPeople: assigned, unassignedPeople: evacuees - assigned,
    unreachablePeople: input.groups.reduce((s, g, k) => s + (candidates.offsets[k + 1] > candidates.offsets[k] ? 0 : g.people), 0),
    curveTimesS: c.t, curveSafeFraction: c.f,
    timeToSafe: safeTimes(q.arrivalS, pk.people, evacuees, p.reportFractions),
    freeFlowTimeToSafe: safeTimes(q.freeFlowArrivalS, pk.people, evacuees, p.reportFractions),
    clearanceTimeS: clearance, meanTimeToSafetyS: assigned > 0 ? personSeconds / assigned : 0,
    meanRouteTimeS: assigned > 0 ? routeSeconds / assigned : 0,
    shelterIds: input.shelters.map((s) => s.id), shelterCapacity: Float64Array.from(input.shelters, (s) => s.capacityPeople),
    shelterLoad: load, shelterLastArrivalS: lastS,
    groupIds: input.groups.map((g) => g.id), groupUnassigned: a.unassigned, groupClearS, lineMaxDelayS,
    packets: pk.count, wallMs: performance.now() - t0,
  };
}

/** The buffers of a result, for postMessage's transfer list. */
export function evacuationResultTransferables(r: EvacuationResult): ArrayBuffer[] {
  return [r.curveTimesS, r.curveSafeFraction, r.shelterCapacity, r.shelterLoad, r.shelterLastArrivalS, r.groupUnassigned, r.groupClearS, r.lineMaxDelayS]
    .map((x) => x.buffer as ArrayBuffer);
}
