import type { Scenario, ScenarioEvent, ScenarioIntervention, ScenarioModels } from '../schema/Scenario';

/** The name runs and share links use for the scenario as written (no variant applied). */
export const BASELINE = 'baseline';

/** A scenario with one variant applied, and where each of its items came from in the file. */
export interface EffectiveScenario {
  /** 'baseline' or the variant's name. */
  variant: string;
  scenario: Scenario;
  /** JSON pointer of each event / intervention in the file (e.g. '/variants/0/addEvents/1'). */
  eventPointers: string[];
  interventionPointers: string[];
  /** Pointer of the variant ('' for the baseline). */
  variantPointer: string;
}

/** Shallow-per-model merge of settings: a variant's model block overrides field by field. */
export function mergeModels(base: ScenarioModels | undefined, over: ScenarioModels | undefined): ScenarioModels | undefined {
  if (!over) return base;
  const out: Record<string, unknown> = { ...(base ?? {}) };
  for (const [k, v] of Object.entries(over)) out[k] = { ...((base as Record<string, object> | undefined)?.[k] ?? {}), ...(v as object) };
  return out as ScenarioModels;
}

function applyList<T extends { id: string }>(base: readonly T[], basePath: string, remove: readonly string[] | undefined, add: readonly T[] | undefined, addPath: string): { items: T[]; pointers: string[] } {
  const gone = new Set(remove ?? []);
  const items: T[] = [], pointers: string[] = [];
  base.forEach((it, k) => { if (!gone.has(it.id)) { items.push(it); pointers.push(`${basePath}/${k}`); } });
  (add ?? []).forEach((it, k) => { items.push(it); pointers.push(`${addPath}/${k}`); });
  return { items, pointers };
}

/**
 * The scenario a run uses: the baseline as written, or with the named variant applied (events and
 * interventions removed by id then added, model settings merged). Throws naming the variant and
 * the scenario's variants when the name is unknown. The result carries no variants.
 */
export function applyVariant(s: Scenario, name: string = BASELINE): EffectiveScenario {
  const { variants, ...rest } = s;
  if (name === BASELINE) {
    return {
      variant: BASELINE, scenario: { ...rest, variants: [] },
      eventPointers: s.events.map((_, k) => `/events/${k}`), interventionPointers: s.interventions.map((_, k) => `/interventions/${k}`), variantPointer: '',
    };
  }
  const index = variants.findIndex((v) => v.name === name);
  if (index < 0) {
    throw new Error(`scenario "${s.id}" has no variant "${name}"; expected one of ${[BASELINE, ...variants.map((v) => v.name)].map((n) => `"${n}"`).join(', ')}`);
  }
  const v = variants[index], vp = `/variants/${index}`;
  const ev = applyList<ScenarioEvent>(s.events, '/events', v.removeEvents, v.addEvents, `${vp}/addEvents`);
  const iv = applyList<ScenarioIntervention>(s.interventions, '/interventions', v.removeInterventions, v.addInterventions, `${vp}/addInterventions`);
  const models = mergeModels(s.models, v.models);
  return {
    variant: v.name,
    scenario: { ...rest, ...(models ? { models } : {}), events: ev.items, interventions: iv.items, variants: [] },
    eventPointers: ev.pointers, interventionPointers: iv.pointers, variantPointer: vp,
  };
}

/** Names of every run of a scenario: 'baseline' first, then its variants in file order. */
export function runNames(s: Scenario): string[] {
  return [BASELINE, ...s.variants.map((v) => v.name)];
}
