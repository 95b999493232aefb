import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random/random';
import { assignGreedy } from './assignGreedy';
import { assignMinCost } from './assignMinCost';
import type { Assignment } from './Assignment';
import { nearestCandidates } from './Candidates';

const personSeconds = (a: Assignment, table: Float64Array, S: number) =>
  a.people.reduce((s, n, f) => s + n * table[a.group[f] * S + a.shelter[f]], 0);
const placed = (a: Assignment) => a.people.reduce((s, n) => s + n, 0);

/** Least person-seconds among assignments placing the most people, by trying every split (tiny cases only). */
function bruteForce(people: number[], capacity: number[], table: Float64Array): { placed: number; cost: number } {
  const S = capacity.length;
  let best = { placed: -1, cost: Infinity };
  const room = [...capacity];
  const go = (g: number, placedSoFar: number, cost: number) => {
    if (g === people.length) {
      if (placedSoFar > best.placed || (placedSoFar === best.placed && cost < best.cost - 1e-9)) best = { placed: placedSoFar, cost };
      return;
    }
    const split = (s: number, left: number, c: number, p: number): void => {
      if (s === S) { go(g + 1, p, c); return; }
      const t = table[g * S + s];
      for (let n = 0; n <= (t < Infinity ? Math.min(left, room[s]) : 0); n++) {
        room[s] -= n;
        split(s + 1, left - n, c + n * (n > 0 ? t : 0), p + n);
        room[s] += n;
      }
    };
    split(0, people[g], cost, placedSoFar);
  };
  go(0, 0, 0);
  return best;
}

describe('assignMinCost', () => {
  it('finds the optimum where greedy-by-time does not', () => {
    // Group 0 is near both shelters, group 1 near A only: greedy fills A with group 0 and sends group 1 far.
    const table = Float64Array.of(100, 200, 150, 1000), people = Float64Array.of(10, 10), capacity = Float64Array.of(10, 10);
    const c = nearestCandidates(table, 2, 2, 2);
    const greedy = assignGreedy(people, capacity, c), best = assignMinCost(people, capacity, c);
    expect(personSeconds(greedy, table, 2)).toBe(10 * 100 + 10 * 1000);
    expect(personSeconds(best, table, 2)).toBe(10 * 200 + 10 * 150);
  });

  it('matches a brute-force optimum on small random cases and respects every capacity', () => {
    const rand = createRandom(11);
    for (let trial = 0; trial < 30; trial++) {
      const G = 3, S = 3, people = Array.from({ length: G }, () => 1 + Math.floor(rand() * 4));
      const capacity = Array.from({ length: S }, () => Math.floor(rand() * 5));
      const table = Float64Array.from({ length: G * S }, () => (rand() < 0.15 ? Infinity : Math.round(rand() * 100)));
      const c = nearestCandidates(table, G, S, S);
      const a = assignMinCost(Float64Array.from(people), Float64Array.from(capacity), c);
      const ref = bruteForce(people, capacity, table);
      expect(placed(a)).toBe(ref.placed);
      expect(personSeconds(a, table, S)).toBeCloseTo(ref.cost, 6);
      const load = new Float64Array(S);
      a.shelter.forEach((s, f) => { load[s] += a.people[f]; });
      load.forEach((l, s) => expect(l).toBeLessThanOrEqual(capacity[s]));
      a.unassigned.forEach((u, g) => expect(u + a.people.reduce((s, n, f) => s + (a.group[f] === g ? n : 0), 0)).toBe(people[g]));
      const greedy = assignGreedy(Float64Array.from(people), Float64Array.from(capacity), c);
      expect(placed(greedy)).toBeLessThanOrEqual(ref.placed);
    }
  });
});
