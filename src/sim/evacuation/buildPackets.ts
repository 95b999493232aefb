import type { Assignment } from './Assignment';
import type { EvacuationPackets } from './EvacuationPackets';
import type { ShelterPath } from './ShelterRouting';

/** A uniform number in [0, 1) from (seed, a, b): a stateless hash, so packet order never shifts the draws. */
function jitter(seed: number, a: number, b: number): number {
  let h = Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(a + 1, 0x85ebca6b) ^ Math.imul(b + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/**
 * Cuts every flow of the assignment into packets of at most `packetPeople` and gives each a
 * departure: a group's packets leave at jittered, evenly spread quantiles of [0, spreadS], so the
 * group empties steadily over the response window. `pathOf(flow)` is the flow's route.
 */
export function buildPackets(
  a: Assignment, pathOf: (flow: number) => ShelterPath, packetPeople: number, spreadS: number, seed: number,
): EvacuationPackets {
  const perGroup = new Map<number, number>();
  const sizes: number[][] = [];
  for (let f = 0; f < a.people.length; f++) {
    const n = Math.ceil(a.people[f] / packetPeople), list: number[] = [];
    for (let k = 0; k < n; k++) list.push(Math.min(packetPeople, a.people[f] - k * packetPeople));
    sizes.push(list);
    perGroup.set(a.group[f], (perGroup.get(a.group[f]) ?? 0) + n);
  }
  const count = sizes.reduce((s, l) => s + l.length, 0), seen = new Map<number, number>();
  const arcOffsets = new Uint32Array(count + 1), arcs: number[] = [];
  const departS = new Float64Array(count), offRoadS = new Float64Array(count), people = new Float64Array(count);
  const group = new Uint32Array(count), shelter = new Uint32Array(count);
  let p = 0;
  for (let f = 0; f < sizes.length; f++) {
    const path = pathOf(f), g = a.group[f], total = perGroup.get(g)!;
    for (const size of sizes[f]) {
      const k = seen.get(g) ?? 0;
      seen.set(g, k + 1);
      departS[p] = (spreadS * (k + jitter(seed, g, k))) / total;
      offRoadS[p] = path.offRoadS;
      people[p] = size;
      group[p] = g;
      shelter[p] = a.shelter[f];
      arcs.push(...path.arcs);
      arcOffsets[++p] = arcs.length;
    }
  }
  return { count, arcOffsets, arcs: Int32Array.from(arcs), departS, offRoadS, people, group, shelter };
}
