import { evacueeGroupsFromBuildings } from '../../sim/evacuation/evacueeGroupsFromBuildings';
import type { Shelter } from '../../sim/evacuation/EvacuationSites';
import { runEvacuation } from '../../sim/evacuation/runEvacuation';
import { pointFeature } from '../layers/GeoJson';
import type { ModuleContext, ModuleOutput, RunModule } from '../run/ModuleContext';

/** Defaults of `models.evacuation`. */
export const EVACUATION_DEFAULTS = { walkSpeedMps: 1.2, warningDelayS: 300, departureSpreadS: 900, mode: 'walk' as 'walk' | 'drive', assignment: 'minCost' as 'greedy' | 'minCost' };

/** Safe fraction at `t` seconds after the order, from the run's curve (step-wise). */
function safeAt(times: Float64Array, fraction: Float32Array, t: number): number {
  let f = 0;
  for (let k = 0; k < times.length && times[k] <= t; k++) f = fraction[k];
  return f;
}

/**
 * Evacuation out of the plume's zone with src/sim/evacuation: every building in the zone is a
 * group (its people), the openShelter interventions are the shelters (with capacities), people
 * walk (or drive) over the road graph, assigned within capacities, through exit queues. The order
 * is given warningDelayS after the first leak starts; KPI times count from the order.
 */
export const evacuationModule: RunModule = {
  name: 'evacuation',
  async run(ctx: ModuleContext): Promise<ModuleOutput> {
    const s = ctx.scenario, o = { ...EVACUATION_DEFAULTS, ...s.models?.evacuation }, zone = ctx.shared.plumeZone;
    if (!zone) throw new Error('evacuation module: the plume module must run first (it sets the zone)');
    const leakS = Math.min(...s.events.flatMap((e) => (e.kind === 'chemicalLeak' ? [e.atS] : [])));
    const orderS = leakS + o.warningDelayS;
    const groups = evacueeGroupsFromBuildings(ctx.city.city.buildings, zone.buildingIndices, ctx.city.frame);
    const shelters: Shelter[] = s.interventions.flatMap((i) => (i.kind === 'openShelter' ? [{ id: i.id, lonDeg: i.lonDeg, latDeg: i.latDeg, capacityPeople: i.capacity }] : []));
    const r = await runEvacuation({
      road: ctx.city.graph, groups, shelters,
      params: { mode: o.mode, walkSpeedMps: o.walkSpeedMps, departureSpreadS: o.departureSpreadS, assignment: o.assignment },
    }, { signal: ctx.signal, onProgress: (p) => ctx.onProgress(p.fraction) });
    const at = (fraction: number) => {
      const t = r.timeToSafe.find((x) => x.fraction === fraction)?.timeS;
      return t === null || t === undefined ? null : Math.round(t);
    };
    const safe = ctx.timesS.map((t) => Math.round(r.evacuees * safeAt(r.curveTimesS, r.curveSafeFraction, t - orderS)));
    return {
      kpis: {
        evacuees: r.evacuees, evacuated50S: at(0.5), evacuated90S: at(0.9),
        evacuationClearS: r.clearanceTimeS === null ? null : Math.round(r.clearanceTimeS),
        unsheltered: r.unassignedPeople, meanWalkS: Math.round(r.meanRouteTimeS),
      },
      series: [{ id: 'peopleSafe', label: 'Evacuees in a shelter', unit: '', values: safe }],
      layers: [{
        id: 'shelters', title: 'Shelters (capacity / people sent)', style: { color: '#22c55e', pointSizePx: 12 },
        features: shelters.map((sh, k) => pointFeature(sh.lonDeg, sh.latDeg, {
          id: sh.id, capacity: sh.capacityPeople, people: r.shelterLoad[k],
          lastArrivalS: Number.isNaN(r.shelterLastArrivalS[k]) ? null : Math.round(r.shelterLastArrivalS[k]),
        })),
      }],
    };
  },
};
