/** The shelters each group may use, nearest first: group g's entries are offsets[g] .. offsets[g + 1] - 1. */
export interface Candidates {
  groupCount: number;
  shelterCount: number;
  offsets: Uint32Array;
  shelter: Uint32Array;
  /** Travel time of the entry (s). */
  timeS: Float64Array;
}

/** Keeps the `k` fastest reachable shelters per group from a [group * S + shelter] time table (ties: lower index). */
export function nearestCandidates(table: Float64Array, groupCount: number, shelterCount: number, k: number): Candidates {
  const offsets = new Uint32Array(groupCount + 1), shelter: number[] = [], timeS: number[] = [];
  const order: number[] = [];
  for (let g = 0; g < groupCount; g++) {
    order.length = 0;
    for (let s = 0; s < shelterCount; s++) if (table[g * shelterCount + s] < Infinity) order.push(s);
    order.sort((a, b) => table[g * shelterCount + a] - table[g * shelterCount + b] || a - b);
    for (let q = 0; q < Math.min(k, order.length); q++) { shelter.push(order[q]); timeS.push(table[g * shelterCount + order[q]]); }
    offsets[g + 1] = shelter.length;
  }
  return { groupCount, shelterCount, offsets, shelter: Uint32Array.from(shelter), timeS: Float64Array.from(timeS) };
}
