import { describe, expect, it } from 'vitest';
import { assignUnits } from './assignUnits';
import type { Fleet, Incident, UnitKind } from './Fleet';
import { hungarian } from './hungarian';

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** All injective maps of `rows` rows into `cols` columns. */
function* injections(rows: number, cols: number, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === rows) { yield prefix; return; }
  for (let c = 0; c < cols; c++) if (!prefix.includes(c)) yield* injections(rows, cols, [...prefix, c]);
}

describe('hungarian', () => {
  it('finds the minimum-cost assignment that brute force finds, on 200 random matrices', () => {
    const rnd = random(42);
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + Math.floor(rnd() * 5), cols = rows + Math.floor(rnd() * 3);
      const cost = Float64Array.from({ length: rows * cols }, () => Math.round(rnd() * 100));
      const got = hungarian(cost, rows, cols);
      expect(new Set(got).size).toBe(rows);
      const total = (cols_: ArrayLike<number>) => Array.from(cols_).reduce((s, c, r) => s + cost[r * cols + c], 0);
      let best = Infinity;
      for (const p of injections(rows, cols)) best = Math.min(best, total(p));
      expect(total(got)).toBe(best);
    }
  });

  it('rejects more rows than columns', () => {
    expect(() => hungarian(new Float64Array(6), 3, 2)).toThrow(/rows <= cols/);
  });
});

/** A random fleet of `n` units at `s` stations and incidents needing a few units each. */
function scenario(seed: number) {
  const rnd = random(seed);
  const kinds: UnitKind[] = ['fire_engine', 'ambulance', 'police_car'];
  const s = 3 + Math.floor(rnd() * 2);
  const fleet: Fleet = { stations: Array.from({ length: s }, (_, i) => ({ id: `S${i}`, name: '', kind: 'x', lonLat: [0, 0] as [number, number] })), units: [] };
  for (let u = 0; u < 6; u++) fleet.units.push({ id: `U${u}`, kind: kinds[Math.floor(rnd() * 3)], stationId: `S${Math.floor(rnd() * s)}`, available: rnd() > 0.15 });
  const incidents: Incident[] = Array.from({ length: 2 }, (_, i) => ({
    id: `I${i}`, lonLat: [0, 0], requirements: { [kinds[Math.floor(rnd() * 3)]]: 1 + Math.floor(rnd() * 2), [kinds[Math.floor(rnd() * 3)]]: 1 },
  }));
  const eta = Float64Array.from({ length: s * incidents.length }, () => (rnd() < 0.1 ? Infinity : 60 + Math.round(rnd() * 900)));
  return { fleet, incidents, eta };
}

/** Best (filled, total) and (filled, worst, total) over every way to give units to slots. */
function bruteForce(fleet: Fleet, incidents: Incident[], eta: Float64Array) {
  const slots: Array<{ i: number; kind: UnitKind }> = [];
  incidents.forEach((inc, i) => (Object.entries(inc.requirements) as Array<[UnitKind, number]>).forEach(([kind, n]) => { for (let k = 0; k < n; k++) slots.push({ i, kind }); }));
  const units = fleet.units.filter((u) => u.available);
  const st = (id: string) => Number(id.slice(1));
  let bestTotal = { filled: -1, total: Infinity }, bestWorst = { filled: -1, worst: Infinity, total: Infinity };
  const walk = (k: number, used: Set<number>, filled: number, total: number, worst: number) => {
    if (k === slots.length) {
      if (filled > bestTotal.filled || (filled === bestTotal.filled && total < bestTotal.total)) bestTotal = { filled, total };
      if (filled > bestWorst.filled || (filled === bestWorst.filled && (worst < bestWorst.worst || (worst === bestWorst.worst && total < bestWorst.total)))) bestWorst = { filled, worst, total };
      return;
    }
    walk(k + 1, used, filled, total, worst);
    units.forEach((u, j) => {
      if (used.has(j) || u.kind !== slots[k].kind) return;
      const e = eta[st(u.stationId) * incidents.length + slots[k].i];
      if (e === Infinity) return;
      used.add(j);
      walk(k + 1, used, filled + 1, total + e, Math.max(worst, e));
      used.delete(j);
    });
  };
  walk(0, new Set(), 0, 0, 0);
  return { bestTotal, bestWorst };
}

describe('assignUnits', () => {
  it('fills the most requirements at the least total time, as brute force does (100 scenarios)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { fleet, incidents, eta } = scenario(seed);
      const plan = assignUnits(fleet, incidents, eta, 'total');
      const { bestTotal } = bruteForce(fleet, incidents, eta);
      expect(plan.assignments.length, `seed ${seed}`).toBe(bestTotal.filled);
      expect(plan.totalS, `seed ${seed}`).toBeCloseTo(bestTotal.total, 6);
    }
  });

  it('minimises the worst time first, then the total, as brute force does (100 scenarios)', () => {
    for (let seed = 101; seed <= 200; seed++) {
      const { fleet, incidents, eta } = scenario(seed);
      const plan = assignUnits(fleet, incidents, eta, 'worst');
      const { bestWorst } = bruteForce(fleet, incidents, eta);
      expect(plan.assignments.length, `seed ${seed}`).toBe(bestWorst.filled);
      expect(plan.worstS, `seed ${seed}`).toBeCloseTo(bestWorst.filled ? bestWorst.worst : 0, 6);
      expect(plan.totalS, `seed ${seed}`).toBeCloseTo(bestWorst.total, 6);
    }
  });

  it('sends each incident exactly the units it requires, never an unavailable one, and reports shortfalls', () => {
    const fleet: Fleet = {
      stations: [{ id: 'A', name: '', kind: 'fire_station', lonLat: [0, 0] }, { id: 'B', name: '', kind: 'hospital', lonLat: [0, 0] }],
      units: [
        { id: 'e1', kind: 'fire_engine', stationId: 'A', available: true },
        { id: 'e2', kind: 'fire_engine', stationId: 'A', available: true },
        { id: 'e3', kind: 'fire_engine', stationId: 'A', available: false },
        { id: 'a1', kind: 'ambulance', stationId: 'B', available: true },
      ],
    };
    const incidents: Incident[] = [
      { id: 'fire', lonLat: [0, 0], requirements: { fire_engine: 2, ambulance: 1 } },
      { id: 'crash', lonLat: [0, 0], requirements: { ambulance: 1 } },
    ];
    // The crash is much farther from the hospital: total time is least when the ambulance goes to the fire.
    const plan = assignUnits(fleet, incidents, Float64Array.from([100, 100, 300, 900]), 'total');
    expect(plan.assignments.filter((a) => a.incidentId === 'fire').map((a) => a.kind).sort()).toEqual(['ambulance', 'fire_engine', 'fire_engine']);
    expect(plan.assignments.some((a) => a.unitId === 'e3')).toBe(false);
    expect(plan.unfilled).toEqual([{ incidentId: 'crash', kind: 'ambulance', missing: 1 }]);
    expect(plan.incidents.find((i) => i.incidentId === 'fire')).toEqual({ incidentId: 'fire', firstArrivalS: 100, teamOnSceneS: 300 });
    // Minimising the worst time sends the ambulance to the fire as well (300 < 900).
    expect(assignUnits(fleet, incidents, Float64Array.from([100, 100, 300, 900]), 'worst').worstS).toBe(300);
  });

  it('rejects an ETA table of the wrong size', () => {
    const { fleet, incidents } = scenario(1);
    expect(() => assignUnits(fleet, incidents, new Float64Array(1))).toThrow(/etaS expects/);
  });
});
