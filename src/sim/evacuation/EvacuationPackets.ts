/**
 * People moving together through the network, in flat arrays: packet p follows arcs
 * arcs[arcOffsets[p] .. arcOffsets[p + 1] - 1], leaves at departS[p], spends offRoadS[p] walking
 * to the road (and from it at the end), and carries `people[p]` people of group `group[p]` to `shelter[p]`.
 */
export interface EvacuationPackets {
  count: number;
  arcOffsets: Uint32Array;
  arcs: Int32Array;
  departS: Float64Array;
  offRoadS: Float64Array;
  people: Float64Array;
  group: Uint32Array;
  shelter: Uint32Array;
}
