import { packAssignment, type Assignment } from './Assignment';
import type { Candidates } from './Candidates';

/**
 * Greedy assignment by travel time: all (group, shelter) candidate pairs in order of time (ties:
 * group, then shelter), each sending as many of the group's remaining people as the shelter still
 * holds. Fast and what wardens do ("nearest shelter with room"), not optimal in total time.
 */
export function assignGreedy(people: Float64Array, capacity: Float64Array, c: Candidates): Assignment {
  const order = Array.from({ length: c.shelter.length }, (_, e) => e);
  const groupOf = new Uint32Array(c.shelter.length);
  for (let g = 0; g < c.groupCount; g++) for (let e = c.offsets[g]; e < c.offsets[g + 1]; e++) groupOf[e] = g;
  order.sort((a, b) => c.timeS[a] - c.timeS[b] || groupOf[a] - groupOf[b] || c.shelter[a] - c.shelter[b]);
  const left = Float64Array.from(people), room = Float64Array.from(capacity, Math.floor);
  const flows: Array<[number, number, number]> = [];
  for (const e of order) {
    const g = groupOf[e], s = c.shelter[e], n = Math.min(left[g], room[s]);
    if (n <= 0) continue;
    flows.push([g, s, n]);
    left[g] -= n;
    room[s] -= n;
  }
  return packAssignment(flows, left);
}
