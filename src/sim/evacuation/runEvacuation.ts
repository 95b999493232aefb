import type { RoadGraph } from '../../route/RoadGraph';
import { throwIfCancelled } from '../core/SimCancelledError';
import type { AbortLike, SimProgressCallback } from '../core/SimProgress';
import { assignGreedy } from './assignGreedy';
import { assignMinCost } from './assignMinCost';
import { buildPackets } from './buildPackets';
import { nearestCandidates } from './Candidates';
import { evacuationNetwork } from './EvacuationNetwork';
import { evacuationParams, type EvacuationParams } from './EvacuationParams';
import type { EvacueeGroup, Shelter } from './EvacuationSites';
import { summariseEvacuation, type EvacuationResult } from './EvacuationResult';
import { ShelterRouting, type ShelterPath } from './ShelterRouting';
import { simulateQueues } from './simulateQueues';

/** An evacuation scenario: the road graph (src/route), who leaves from where, and where they may go. */
export interface EvacuationRunInput {
  road: RoadGraph;
  groups: EvacueeGroup[];
  shelters: Shelter[];
  params?: Partial<EvacuationParams>;
  /** 1 per closed arc of `road` (flooded, inside the hazard zone, blocked). */
  closedArcs?: Uint8Array;
}

function checkSites(input: EvacuationRunInput): void {
  const bad = (what: string, k: number, field: string, expected: string, got: unknown) => {
    throw new Error(`runEvacuation: ${what}[${k}].${field} must be ${expected}, got ${JSON.stringify(got)}`);
  };
  input.groups.forEach((g, k) => {
    if (!Number.isFinite(g?.lonDeg) || !Number.isFinite(g.latDeg)) bad('groups', k, 'lonDeg/latDeg', 'finite degrees', [g?.lonDeg, g?.latDeg]);
    if (!Number.isInteger(g.people) || g.people < 0) bad('groups', k, 'people', 'a whole number >= 0', g.people);
  });
  input.shelters.forEach((s, k) => {
    if (!Number.isFinite(s?.lonDeg) || !Number.isFinite(s.latDeg)) bad('shelters', k, 'lonDeg/latDeg', 'finite degrees', [s?.lonDeg, s?.latDeg]);
    if (!(s.capacityPeople >= 0)) bad('shelters', k, 'capacityPeople', 'a number >= 0', s.capacityPeople);
  });
}

/**
 * Routes every group to its candidate shelters (backward trees), assigns people within shelter
 * capacities (greedy or min-cost), cuts the flows into packets with staggered departures, and
 * moves them through exit queues. Progress: routing to 0.4, assignment to 0.5, queues to 1.
 */
export async function runEvacuation(
  input: EvacuationRunInput, options: { signal?: AbortLike; onProgress?: SimProgressCallback } = {},
): Promise<EvacuationResult> {
  const t0 = performance.now(), p = evacuationParams(input.params);
  checkSites(input);
  const report = (fraction: number, simTimeS = 0, endTimeS = 0) => options.onProgress?.({ simTimeS, endTimeS, fraction, steps: 0, elapsedMs: performance.now() - t0 });
  const net = evacuationNetwork(input.road, p, input.closedArcs);
  const lonLat = (xs: Array<{ lonDeg: number; latDeg: number }>) => Float64Array.from(xs.flatMap((x) => [x.lonDeg, x.latDeg]));
  const routing = new ShelterRouting(net, lonLat(input.groups), lonLat(input.shelters), p.walkSpeedMps, p.maxSnapM);
  const G = input.groups.length, S = input.shelters.length;
  const table = routing.timeTable((s) => report((0.4 * (s + 1)) / S));
  await new Promise((resolve) => setTimeout(resolve, 0));
  throwIfCancelled(options.signal, 0);
  const cands = nearestCandidates(table, G, S, p.candidateShelters);
  const people = Float64Array.from(input.groups, (g) => g.people), capacity = Float64Array.from(input.shelters, (s) => s.capacityPeople);
  const assignment = p.assignment === 'minCost' ? assignMinCost(people, capacity, cands, options.signal) : assignGreedy(people, capacity, cands);
  report(0.5);
  const paths = new Array<ShelterPath>(assignment.people.length), byShelter = new Map<number, number[]>();
  assignment.shelter.forEach((s, f) => (byShelter.get(s) ?? byShelter.set(s, []).get(s)!).push(f));
  for (const [s, flows] of byShelter) routing.paths(s, flows.map((f) => assignment.group[f])).forEach((path, k) => { paths[flows[k]] = path; });
  throwIfCancelled(options.signal, 0);
  const packets = buildPackets(assignment, (f) => paths[f], p.packetPeople, p.departureSpreadS, p.seed);
  let horizon = p.departureSpreadS;
  for (let f = 0; f < assignment.people.length; f++) horizon = Math.max(horizon, p.departureSpreadS + table[assignment.group[f] * S + assignment.shelter[f]]);
  const outcome = await simulateQueues(net, packets, {
    signal: options.signal, onClock: (t) => report(0.5 + 0.5 * Math.min(0.99, t / horizon), t, horizon),
  });
  const result = summariseEvacuation(input, p, net, assignment, packets, outcome, cands, t0);
  report(1, result.clearanceTimeS ?? 0, result.clearanceTimeS ?? 0);
  return result;
}
