import { epidemicCellsFromCity, type EpidemicCells } from '../../sim/epidemic/EpidemicCells';
import { gravityCommuting } from '../../sim/epidemic/MobilityMatrix';
import { runEpidemic } from '../../sim/epidemic/runEpidemic';
import type { EpidemicIntervention } from '../../sim/epidemic/SeirParams';
import { polygonFeature, type Feature } from '../layers/GeoJson';
import type { ModuleContext, ModuleOutput, RunModule } from '../run/ModuleContext';
import type { EventOf, Scenario } from '../schema/Scenario';

/** Defaults of `models.epidemic`. */
export const EPIDEMIC_DEFAULTS = { betaPerDay: 0.5, latentPeriodDays: 3, infectiousPeriodDays: 5, awayFraction: 0.3, stepsPerDay: 4, mode: 'deterministic' as const, seed: 1 };
/** Infections that make a community "reached". */
const REACHED = 10;

/** Whole people spread over a community's cells by population (largest remainders). */
function seedCells(cells: EpidemicCells, o: EventOf<'outbreak'>): Array<{ cell: number; count: number }> {
  const ks = cells.communityIds.flatMap((c, k) => (c === o.communityId ? [k] : []));
  const total = ks.reduce((s, k) => s + cells.population[k], 0);
  if (total < o.infectious) throw new Error(`outbreak ${o.id}: community ${o.communityId} has ${total} people, fewer than ${o.infectious} infectious`);
  const exact = ks.map((k) => (o.infectious * cells.population[k]) / total), whole = exact.map(Math.floor);
  let left = o.infectious - whole.reduce((a, b) => a + b, 0);
  for (const j of exact.map((x, j) => j).sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b)) { if (left-- <= 0) break; whole[j]++; }
  return ks.map((k, j) => ({ cell: k, count: whole[j] })).filter((x) => x.count > 0);
}

function interventions(s: Scenario): EpidemicIntervention[] {
  return s.interventions.flatMap((i): EpidemicIntervention[] => {
    if (i.kind === 'closeCommunity') return [{ kind: 'closeCommunities', communityIds: [...i.communityIds], fromDay: i.fromDay, toDay: i.toDay, contactFactor: i.contactFactor }];
    if (i.kind === 'reduceContacts') return [{ kind: 'reduceContacts', factor: i.factor, fromDay: i.fromDay, toDay: i.toDay, communityIds: i.communityIds && [...i.communityIds] }];
    return [];
  });
}

/**
 * An epidemic outbreak with src/sim/epidemic: metapopulation SEIR over the city's grid cells with
 * gravity commuting, seeded by the outbreak events, with closeCommunity (lockdown) and
 * reduceContacts interventions. Runs whole days (duration / 86400 s); per frame the infectious
 * people by community.
 */
export const epidemicModule: RunModule = {
  name: 'epidemic',
  async run(ctx: ModuleContext): Promise<ModuleOutput> {
    const s = ctx.scenario, o = { ...EPIDEMIC_DEFAULTS, ...s.models?.epidemic }, city = ctx.city.city;
    const cells = epidemicCellsFromCity(city.units, city.buildings);
    const days = Math.max(1, Math.round(s.durationS / 86400));
    const r = await runEpidemic({
      cells, mobility: gravityCommuting(cells, { awayFraction: o.awayFraction }),
      params: {
        betaPerDay: o.betaPerDay, latentPeriodDays: o.latentPeriodDays, infectiousPeriodDays: o.infectiousPeriodDays, days,
        stepsPerDay: o.stepsPerDay, mode: o.mode, seed: o.seed, interventions: interventions(s),
        initialInfectious: s.events.flatMap((e) => (e.kind === 'outbreak' ? seedCells(cells, e) : [])),
      },
    }, { signal: ctx.signal, onProgress: (p) => ctx.onProgress(p.fraction) });
    const n = cells.count, dayOf = (t: number) => Math.min(days, Math.round(t / 86400));
    const communities = [...new Set(cells.communityIds)], index = new Map(communities.map((c, k) => [c, k]));
    const byCommunity = (d: number, c: number) => {
      const out = new Float64Array(communities.length);
      for (let k = 0; k < n; k++) out[index.get(cells.communityIds[k])!] += r.seir[(d * 4 + c) * n + k];
      return out;
    };
    const s0 = byCommunity(0, 0), sEnd = byCommunity(days, 0);
    const units = new Map(city.units.filter((u) => u.level === 'community').map((u) => [u.id, u]));
    const frames: Feature[][] = ctx.timesS.map((t) => {
      const inf = byCommunity(dayOf(t), 2);
      return communities.flatMap((c, k) => (inf[k] >= 1 ? [polygonFeature(units.get(c)!.rings[0].map(([x, y]) => ctx.city.frame.toLonLat(x, y)), { communityId: c, infectious: Math.round(inf[k]) })] : []));
    });
    const total = (d: number, c: number) => Math.round(r.totals[d * 4 + c]);
    const N = r.totals[0] + r.totals[1] + r.totals[2] + r.totals[3];
    return {
      kpis: {
        peakInfectious: Math.round(r.peakInfectious), peakDay: r.peakDay, totalInfected: Math.round(N - r.totals[days * 4]),
        attackRatePct: Math.round(r.attackRate * 1000) / 10, communitiesReached: communities.filter((_, k) => s0[k] - sEnd[k] > REACHED).length,
      },
      series: (['S', 'E', 'I', 'R'] as const).map((c, k) => ({ id: `seir${c}`, label: ['Susceptible', 'Exposed', 'Infectious', 'Recovered'][k], unit: '', values: ctx.timesS.map((t) => total(dayOf(t), k)) })),
      layers: [{ id: 'infectious-by-community', title: 'Infectious people by community', style: { color: '#fecdd3', fillOpacity: 0.55, colorBy: { property: 'infectious', stops: [[1, '#fecdd3'], [10, '#fda4af'], [100, '#fb7185'], [1000, '#e11d48'], [5000, '#881337']] } }, frames }],
    };
  },
};
