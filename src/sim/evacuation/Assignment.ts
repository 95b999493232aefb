/** Who goes where: flows of people from groups to shelters, and who found no place. */
export interface Assignment {
  /** One entry per (group, shelter) flow. */
  group: Uint32Array;
  shelter: Uint32Array;
  people: Float64Array;
  /** People per group left without a shelter (capacity exhausted or none reachable). */
  unassigned: Float64Array;
}

/** Packs flow triples into an Assignment. */
export function packAssignment(flows: Array<[number, number, number]>, unassigned: Float64Array): Assignment {
  return {
    group: Uint32Array.from(flows, (f) => f[0]), shelter: Uint32Array.from(flows, (f) => f[1]),
    people: Float64Array.from(flows, (f) => f[2]), unassigned,
  };
}
