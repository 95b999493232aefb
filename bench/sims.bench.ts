/**
 * Simulation throughput on the demo city, each beside a simple peer run in the same process:
 * - plume: cell updates per second of the gas solver at 10 m cells (windowed, fused TVD kernel)
 *   against a naive full-grid first-order solver on nested JS arrays;
 * - epidemic: SEIR days per second over the 1296 grid cells with commuting (sparse mixing) against
 *   the same RK4 with a dense 1296 x 1296 mixing matrix;
 * - evacuation: time until 50/90/95/100 % of the plume zone's people are sheltered, walking and
 *   driving; the routing table (one backward tree per shelter) against naive per-group array-scan
 *   Dijkstra.
 */
import { generateDemoCity, type DemoCity } from '../src/pipeline/demo-city/generateDemoCity';
import { demoRoadGraph } from '../test/support/demoPackage';
import { constantSeries } from '../src/sim/core/TimeSeries';
import { epidemicCellsFromCity, type EpidemicCells } from '../src/sim/epidemic/EpidemicCells';
import { gravityCommuting, type MobilityMatrix } from '../src/sim/epidemic/MobilityMatrix';
import { runEpidemic } from '../src/sim/epidemic/runEpidemic';
import { evacuationNetwork, type EvacuationNetwork } from '../src/sim/evacuation/EvacuationNetwork';
import { evacuationParams } from '../src/sim/evacuation/EvacuationParams';
import { evacueeGroupsFromBuildings } from '../src/sim/evacuation/evacueeGroupsFromBuildings';
import { runEvacuation } from '../src/sim/evacuation/runEvacuation';
import { sheltersFromBuildings } from '../src/sim/evacuation/sheltersFromBuildings';
import { ShelterRouting } from '../src/sim/evacuation/ShelterRouting';
import { cityPlumeGrid } from '../src/sim/plume/cityPlumeGrid';
import type { PlumeGrid } from '../src/sim/plume/PlumeGrid';
import { runPlume, type PlumeResult } from '../src/sim/plume/runPlume';

const round = (v: number, digits = 3) => Number(v.toPrecision(digits));

/** Naive peer: first-order upwind + diffusion over the whole grid, nested arrays, a new field every step. */
function naivePlumeSteps(g: PlumeGrid, steps: number, dt: number, u: number, v: number, k: number): number {
  const w = g.width, h = g.height, dx = g.cellSizeM;
  let c: number[][] = Array.from({ length: h }, () => new Array<number>(w).fill(0));
  c[h >> 1][w >> 1] = 1;
  const at = (j: number, i: number) => (i < 0 || j < 0 || i >= w || j >= h || g.blocked[j * w + i] ? 0 : c[j][i]);
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) {
    const n: number[][] = [];
    for (let j = 0; j < h; j++) {
      const row: number[] = [];
      for (let i = 0; i < w; i++) {
        const adv = (u > 0 ? u * (at(j, i - 1) - at(j, i)) : u * (at(j, i) - at(j, i + 1)))
          + (v > 0 ? v * (at(j - 1, i) - at(j, i)) : v * (at(j, i) - at(j + 1, i)));
        const diff = k * (at(j, i - 1) + at(j, i + 1) + at(j - 1, i) + at(j + 1, i) - 4 * at(j, i)) / dx;
        row.push(g.blocked[j * w + i] ? 0 : at(j, i) + (dt / dx) * (adv + diff));
      }
      n.push(row);
    }
    c = n;
  }
  return (steps * w * h) / ((performance.now() - t0) / 1000);
}

async function plumeBench(city: DemoCity): Promise<{ figures: object; result: PlumeResult }> {
  const grid = cityPlumeGrid(city.frame, city.buildings, 10, { obstacleMinHeightM: 50 });
  const [lonDeg, latDeg] = city.frame.toLonLat(-2600, 1400);
  const result = await runPlume({
    grid, endTimeS: 1800, frameIntervalS: 300, thresholdMgPerM3: 5.8, buildings: city.buildings,
    params: {
      sources: [{ lonDeg, latDeg, rateKgPerS: 0.5, durationS: 600 }], windSpeedMps: constantSeries(3),
      windFromDeg: { timesS: [0, 1800], values: [250, 280], mode: 'linear' }, diffusivityM2PerS: 20, mixingHeightM: 50,
    },
  });
  const s = result.wallMs / 1000, cellsPerS = result.cellUpdates / s, gridCells = grid.width * grid.height;
  const naive = naivePlumeSteps(grid, 3, 0.4, 2.1, 2.1, 20);
  return {
    result,
    figures: {
      scenario: '0.5 kg/s for 10 min at plane (-2600, 1400) m, wind 3 m/s veering 250->280 deg, K 20 m2/s, mixing 50 m, 30 min, 10 m cells',
      gridCells, steps: result.steps, wallS: round(s), cellUpdates: result.cellUpdates,
      cellUpdatesPerS: round(cellsPerS), fullGridEquivalentCellsPerS: round((result.steps * gridCells) / s),
      naivePeerCellUpdatesPerS: round(naive), ratioVsNaive: round(cellsPerS / naive), fullGridRatioVsNaive: round((result.steps * gridCells) / s / naive),
      massErrorKg: result.massBalance.errorKg, zoneAreaKm2: round(result.zone.areaM2 / 1e6),
      zoneBuildings: result.exposure!.buildings, zonePopulation: result.exposure!.population,
    },
  };
}

/** Naive peer: the RK4 SEIR with a dense mixing matrix (same physics as SeirModel). */
function naiveSeirDaysPerS(cells: EpidemicCells, m: MobilityMatrix, days: number): number {
  const n = cells.count, W: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let e = m.rowOffsets[i]; e < m.rowOffsets[i + 1]; e++) W[i][m.dest[e]] += m.weight[e];
  const N = Array.from(cells.population), nStar = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) nStar[j] += W[i][j] * N[i];
  let y = N.map((p, i) => [p - (i === 600 ? 20 : 0), 0, i === 600 ? 20 : 0]);
  const f = (st: number[][]) => {
    const iStar = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) iStar[j] += W[i][j] * st[i][2];
    return st.map(([S, E, I], i) => {
      let lam = 0;
      for (let j = 0; j < n; j++) lam += nStar[j] > 0 ? (W[i][j] * 0.5 * iStar[j]) / nStar[j] : 0;
      return [-lam * S, lam * S - E / 3, E / 3 - I / 5];
    });
  };
  const t0 = performance.now(), h = 0.25;
  for (let s = 0; s < days * 4; s++) {
    const k1 = f(y), k2 = f(y.map((r, i) => r.map((v, c) => v + (h / 2) * k1[i][c])));
    const k3 = f(y.map((r, i) => r.map((v, c) => v + (h / 2) * k2[i][c]))), k4 = f(y.map((r, i) => r.map((v, c) => v + h * k3[i][c])));
    y = y.map((r, i) => r.map((v, c) => v + (h / 6) * (k1[i][c] + 2 * k2[i][c] + 2 * k3[i][c] + k4[i][c])));
  }
  return days / ((performance.now() - t0) / 1000);
}

async function epidemicBench(city: DemoCity): Promise<object> {
  const cells = epidemicCellsFromCity(city.units, city.buildings);
  let t = performance.now();
  const mobility = gravityCommuting(cells);
  const mobilityMs = performance.now() - t;
  const params = { days: 180, initialInfectious: [{ cell: 600, count: 20 }] };
  const det = await runEpidemic({ cells, mobility, params });
  t = performance.now();
  const sto = await runEpidemic({ cells, mobility, params: { ...params, mode: 'stochastic' as const, seed: 7 } });
  const stoS = (performance.now() - t) / 1000;
  const detDaysPerS = 180 / (det.wallMs / 1000), naive = naiveSeirDaysPerS(cells, mobility, 3);
  return {
    cells: cells.count, mobilityEntries: mobility.dest.length, mobilityBuildMs: round(mobilityMs),
    deterministicDaysPerS: round(detDaysPerS), stochasticDaysPerS: round(180 / stoS),
    naiveDenseDaysPerS: round(naive), ratioVsNaive: round(detDaysPerS / naive),
    peakDay: det.peakDay, peakInfectious: Math.round(det.peakInfectious), attackRate: round(det.attackRate),
    stochasticPeakDay: sto.peakDay, stochasticPeakInfectious: sto.peakInfectious,
  };
}

/** Naive peer: per group, nearest node by scanning all nodes, then an O(N²) array-scan Dijkstra; ms for `sample` groups. */
function naiveTableMs(net: EvacuationNetwork, groupLL: Float64Array, shelterLL: Float64Array, sample: number): number {
  const g = net.graph, N = g.nodeCount, t0 = performance.now();
  const nearest = (lon: number, lat: number) => {
    let best = 0, bd = Infinity;
    for (let v = 0; v < N; v++) { const d = (g.nodeLonLatDeg[2 * v] - lon) ** 2 + (g.nodeLonLatDeg[2 * v + 1] - lat) ** 2; if (d < bd) { bd = d; best = v; } }
    return best;
  };
  const targets = Array.from({ length: shelterLL.length / 2 }, (_, s) => nearest(shelterLL[2 * s], shelterLL[2 * s + 1]));
  let sink = 0;
  for (let k = 0; k < Math.min(sample, groupLL.length / 2); k++) {
    const dist = new Array<number>(N).fill(Infinity), done = new Array<boolean>(N).fill(false);
    dist[nearest(groupLL[2 * k], groupLL[2 * k + 1])] = 0;
    for (;;) {
      let u = -1;
      for (let v = 0; v < N; v++) if (!done[v] && dist[v] < Infinity && (u < 0 || dist[v] < dist[u])) u = v;
      if (u < 0) break;
      done[u] = true;
      for (let a = g.arcOffsets[u]; a < g.arcOffsets[u + 1]; a++) dist[g.arcTo[a]] = Math.min(dist[g.arcTo[a]], dist[u] + net.timeS[a]);
    }
    for (const s of targets) sink += dist[s] < Infinity ? 1 : 0;
  }
  return sink >= 0 ? performance.now() - t0 : NaN;
}

async function evacuationBench(city: DemoCity, plume: PlumeResult): Promise<object> {
  const road = await demoRoadGraph(), zone = plume.exposure!.buildingIndices;
  const groups = evacueeGroupsFromBuildings(city.buildings, zone, city.frame);
  const shelters = sheltersFromBuildings(city.buildings, city.frame, { exclude: new Set(zone) });
  const out: Record<string, unknown> = {
    zone: 'the plume benchmark\'s evacuation zone (AEGL-2-like 5.8 mg/m3)', groups: groups.length,
    evacuees: groups.reduce((s, g) => s + g.people, 0), shelters: shelters.length, shelterCapacity: shelters.reduce((s, x) => s + x.capacityPeople, 0),
  };
  for (const mode of ['walk', 'drive'] as const) for (const assignment of ['greedy', 'minCost'] as const) {
    const r = await runEvacuation({ road, groups, shelters, params: { mode, assignment } });
    out[`${mode}-${assignment}`] = {
      wallMs: round(r.wallMs), packets: r.packets, assigned: r.assignedPeople, unassigned: r.unassignedPeople,
      timeToSafeS: Object.fromEntries(r.timeToSafe.map((x) => [`${x.fraction * 100}%`, x.timeS === null ? null : round(x.timeS, 4)])),
      freeFlowTimeToSafeS: Object.fromEntries(r.freeFlowTimeToSafe.map((x) => [`${x.fraction * 100}%`, x.timeS === null ? null : round(x.timeS, 4)])),
      meanRouteTimeS: round(r.meanRouteTimeS), meanTimeToSafetyS: round(r.meanTimeToSafetyS),
      congestionRatio90: r.timeToSafe[1].timeS && r.freeFlowTimeToSafe[1].timeS ? round(r.timeToSafe[1].timeS / r.freeFlowTimeToSafe[1].timeS) : null,
    };
  }
  const net = evacuationNetwork(road, evacuationParams({ mode: 'walk' }));
  const gll = Float64Array.from(groups.flatMap((g) => [g.lonDeg, g.latDeg])), sll = Float64Array.from(shelters.flatMap((s) => [s.lonDeg, s.latDeg]));
  const t = performance.now();
  new ShelterRouting(net, gll, sll, 1.2, 500).timeTable();
  const treesMs = performance.now() - t, sample = Math.min(20, groups.length);
  const naiveMs = (naiveTableMs(net, gll, sll, sample) * groups.length) / sample;
  out.routingTable = {
    backwardTreesMs: round(treesMs), naivePerGroupArrayDijkstraMs: round(naiveMs), naiveExtrapolatedFromGroups: sample, ratioVsNaive: round(naiveMs / treesMs),
  };
  return out;
}

export async function run(): Promise<object> {
  const city = generateDemoCity();
  const plume = await plumeBench(city);
  const epidemic = await epidemicBench(city);
  const evacuation = await evacuationBench(city, plume.result);
  return { plume: plume.figures, epidemic, evacuation };
}
