import type { KpiModule } from '../kpi/kpiCatalog';
import type { Scenario } from '../schema/Scenario';

/** What makes each module run, in words (for validation messages). */
export const MODULE_TRIGGERS: Record<KpiModule, string> = {
  flood: 'a rainfall event',
  dispatch: 'an incident event',
  traffic: 'a roadClosure or crowd event',
  plume: 'a chemicalLeak event',
  evacuation: 'a chemicalLeak event and an openShelter intervention',
  epidemic: 'an outbreak event',
  sensors: 'a sensorOverride event',
  planning: 'a site',
};

/** The run modules a (variant-applied) scenario needs, from its events and interventions. */
export function modulesOf(s: Pick<Scenario, 'events' | 'interventions'> & Partial<Pick<Scenario, 'site'>>): Set<KpiModule> {
  const kinds = new Set<string>(s.events.map((e) => e.kind));
  const out = new Set<KpiModule>();
  if (kinds.has('rainfall')) out.add('flood');
  if (kinds.has('incident')) out.add('dispatch');
  if (kinds.has('roadClosure') || kinds.has('crowd')) out.add('traffic');
  if (kinds.has('chemicalLeak')) {
    out.add('plume');
    if (s.interventions.some((i) => i.kind === 'openShelter')) out.add('evacuation');
  }
  if (kinds.has('outbreak')) out.add('epidemic');
  if (kinds.has('sensorOverride')) out.add('sensors');
  if (s.site) out.add('planning');
  return out;
}
