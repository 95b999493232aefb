import { ringArea } from '../../analysis/scene/PrismSet';
import { LocalFrame } from '../../geo/LocalFrame';
import { kpiSpec } from '../kpi/kpiCatalog';
import { MODULE_TRIGGERS, modulesOf } from '../models/modulesOf';
import type { Scenario } from '../schema/Scenario';
import { applyVariant, BASELINE, type EffectiveScenario } from '../variants/applyVariant';
import { shortJson } from '../../schema/JsonIssue';
import type { ScenarioIssue } from './ScenarioValidationError';

type Issue = Omit<ScenarioIssue, 'line' | 'column'>;

function ascending(series: ReadonlyArray<{ atS: number }>, at: string, out: Issue[]): void {
  for (let k = 1; k < series.length; k++) {
    if (!(series[k].atS > series[k - 1].atS)) out.push({ pointer: `${at}/${k}/atS`, expected: `a time after the previous one (${series[k - 1].atS} s): series are in increasing time`, got: shortJson(series[k].atS) });
  }
}

function unique(ids: string[], pointers: string[], what: string, out: Issue[]): void {
  const first = new Map<string, string>();
  ids.forEach((id, k) => {
    const prev = first.get(id);
    if (prev !== undefined) out.push({ pointer: `${pointers[k]}/id`, expected: `a ${what} id not used before (${prev} has it)`, got: shortJson(id) });
    else first.set(id, pointers[k]);
  });
}

/** A proposed footprint must enclose some area; a clearBuildings must say which buildings. */
function massingIssues(s: Scenario, iv: Scenario['interventions'][number], at: string, out: Issue[]): void {
  if (iv.kind === 'proposeBuilding') {
    const ring = iv.footprint ?? iv.geometry?.coordinates[0] ?? [];
    const frame = new LocalFrame(ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0);
    const area = Math.abs(ringArea(ring.map(([lon, lat]) => frame.toPlane(lon, lat))));
    if (!(area >= 1)) out.push({ pointer: `${at}/${iv.footprint ? 'footprint' : 'geometry'}`, expected: 'a footprint enclosing at least 1 m² (three or more distinct points, not in a line)', got: `${area.toFixed(2)} m²` });
  }
  if (iv.kind === 'clearBuildings' && !iv.polygon && !iv.buildingIds && !s.site) {
    out.push({ pointer: at, expected: 'a polygon or buildingIds to clear (or a scenario site, whose polygon is cleared by default)' });
  }
}

/** Checks one effective scenario (baseline or a variant applied). */
function effectiveIssues(e: EffectiveScenario, baselineModules: Set<string>, out: Issue[]): void {
  const s = e.scenario;
  unique(s.events.map((x) => x.id), e.eventPointers, 'event', out);
  unique(s.interventions.map((x) => x.id), e.interventionPointers, 'intervention', out);
  s.events.forEach((ev, k) => {
    const at = e.eventPointers[k];
    if (ev.kind === 'rainfall' || ev.kind === 'sensorOverride') ascending(ev.series, `${at}/series`, out);
    if (ev.kind === 'chemicalLeak') ascending(ev.wind, `${at}/wind`, out);
    if ((ev.kind === 'roadClosure' || ev.kind === 'crowd') && ev.toS !== undefined && !(ev.toS > (ev.fromS ?? 0))) {
      out.push({ pointer: `${at}/toS`, expected: `a time after fromS (${ev.fromS ?? 0} s)`, got: shortJson(ev.toS) });
    }
  });
  s.interventions.forEach((iv, k) => {
    const at = e.interventionPointers[k];
    if (iv.kind === 'isolateLeak' && !s.events.some((ev) => ev.id === iv.eventId && ev.kind === 'chemicalLeak')) {
      out.push({ pointer: `${at}/eventId`, expected: `the id of a chemicalLeak event of this ${e.variant === BASELINE ? 'scenario' : `variant ("${e.variant}")`}`, got: shortJson(iv.eventId) });
    }
    if ((iv.kind === 'closeCommunity' || iv.kind === 'reduceContacts') && iv.toDay !== undefined && !(iv.toDay > iv.fromDay)) {
      out.push({ pointer: `${at}/toDay`, expected: `a day after fromDay (${iv.fromDay})`, got: shortJson(iv.toDay) });
    }
    massingIssues(s, iv, at, out);
  });
  const modules = modulesOf(s);
  s.kpis.forEach((id, k) => {
    const m = kpiSpec(id).module;
    // A KPI the baseline cannot compute is reported once, at the KPI; a variant only when it drops the module.
    if (!modules.has(m) && (e.variant === BASELINE || baselineModules.has(m))) {
      const where = e.variant === BASELINE ? 'the baseline' : `variant "${e.variant}"`;
      out.push({ pointer: e.variant === BASELINE ? `/kpis/${k}` : e.variantPointer, expected: `${where} to run the ${m} module that KPI "${id}" needs (it runs with ${MODULE_TRIGGERS[m]})` });
    }
  });
  if ((modules.has('flood') || modules.has('plume')) && !s.region) {
    out.push({ pointer: '/region', expected: 'a region {"bboxLonLat": [w, s, e, n]}: flood and plume grids cover it' });
  }
}

/**
 * Checks what a schema cannot: unique ids and variant names, references between items (variant
 * removals, isolateLeak -> its leak), increasing time series, time windows, and that every listed
 * KPI is computed by a module the baseline and each variant run.
 */
export function semanticIssues(s: Scenario): Issue[] {
  const out: Issue[] = [];
  if (Number.isNaN(Date.parse(s.start))) out.push({ pointer: '/start', expected: 'a calendar date and time that exists', got: shortJson(s.start) });
  const names = new Map<string, number>();
  s.variants.forEach((v, k) => {
    if (v.name === BASELINE) out.push({ pointer: `/variants/${k}/name`, expected: `a name other than "${BASELINE}" (the scenario as written)`, got: shortJson(v.name) });
    else if (names.has(v.name)) out.push({ pointer: `/variants/${k}/name`, expected: `a variant name not used before (/variants/${names.get(v.name)} has it)`, got: shortJson(v.name) });
    names.set(v.name, k);
    v.removeEvents?.forEach((id, j) => {
      if (!s.events.some((ev) => ev.id === id)) out.push({ pointer: `/variants/${k}/removeEvents/${j}`, expected: `the id of an event of the scenario (${s.events.map((ev) => ev.id).join(', ') || 'none'})`, got: shortJson(id) });
    });
    v.removeInterventions?.forEach((id, j) => {
      if (!s.interventions.some((iv) => iv.id === id)) out.push({ pointer: `/variants/${k}/removeInterventions/${j}`, expected: `the id of an intervention of the scenario (${s.interventions.map((iv) => iv.id).join(', ') || 'none'})`, got: shortJson(id) });
    });
  });
  const baselineModules = modulesOf(applyVariant(s, BASELINE).scenario);
  for (const name of [BASELINE, ...new Set(s.variants.map((v) => v.name).filter((n) => n !== BASELINE))]) {
    const before = out.length;
    effectiveIssues(applyVariant(s, name), baselineModules, out);
    // A baseline problem shows again in every variant that keeps the item: report it once.
    const kept = out.splice(before);
    for (const i of kept) if (!out.some((o) => o.pointer === i.pointer && o.expected === i.expected)) out.push(i);
  }
  return out;
}
