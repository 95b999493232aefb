import { plumeStableDt } from '../../sim/plume/PlumeKernel';
import {
  floodCellUpdates, frameCount, MAX_FLOOD_CELL_UPDATES, MAX_FLOOD_CELLS, MAX_FRAMES, MAX_PLUME_CELL_STEPS, MAX_PLUME_CELLS, NOMINAL_FLOOD_DEPTH_M,
} from '../../sim/core/workLimits';
import { FLOOD_DEFAULTS } from '../models/floodModule';
import { modulesOf } from '../models/modulesOf';
import { PLUME_DEFAULTS } from '../models/plumeModule';
import type { Scenario } from '../schema/Scenario';
import { applyVariant, BASELINE, type EffectiveScenario } from '../variants/applyVariant';
import { shortJson, type JsonIssue } from '../../schema/JsonIssue';

type Issue = Omit<JsonIssue, 'line' | 'column'>;

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;
const fmt = (n: number) => (n >= 1e6 ? n.toExponential(2) : Math.round(n).toLocaleString('en-US'));

/** Plane area (m²) of the region's lon/lat box, on the sphere (enough for a bound). */
function regionAreaM2(s: Scenario): number {
  if (!s.region) return 0;
  const [w, so, e, n] = s.region.bboxLonLat;
  const midLat = ((so + n) / 2) * (Math.PI / 180);
  return Math.abs(e - w) * M_PER_DEG_LON_EQUATOR * Math.cos(midLat) * Math.abs(n - so) * M_PER_DEG_LAT;
}

/** Where a model setting is, for a message: the variant's override or the baseline's value (or its absence). */
function settingPointer(e: EffectiveScenario, model: string, key: string, base: Scenario): string {
  const variant = e.variantPointer ? base.variants.find((v) => v.name === e.variant) : undefined;
  if (variant?.models?.[model as 'flood']?.[key as 'cellSizeM'] !== undefined) return `${e.variantPointer}/models/${model}/${key}`;
  return base.models?.[model as 'flood']?.[key as 'cellSizeM'] !== undefined ? `/models/${model}/${key}` : '/region';
}

function floodIssues(e: EffectiveScenario, base: Scenario, out: Issue[]): void {
  const cell = { ...FLOOD_DEFAULTS, ...e.scenario.models?.flood }.cellSizeM;
  const cells = regionAreaM2(e.scenario) / cell ** 2;
  if (cells > MAX_FLOOD_CELLS) {
    out.push({ pointer: settingPointer(e, 'flood', 'cellSizeM', base), expected: `a flood grid of at most ${fmt(MAX_FLOOD_CELLS)} cells (larger cells or a smaller region)`, got: `${fmt(cells)} cells of ${cell} m` });
    return;
  }
  const updates = floodCellUpdates(cells, cell, e.scenario.durationS);
  if (updates > MAX_FLOOD_CELL_UPDATES) {
    out.push({ pointer: '/durationS', expected: `a flood run of at most ${fmt(MAX_FLOOD_CELL_UPDATES)} cell-updates (${fmt(cells)} cells of ${cell} m, time steps for ${NOMINAL_FLOOD_DEPTH_M} m of water); shorten it or coarsen the grid`, got: `${shortJson(e.scenario.durationS)} s, about ${fmt(updates)}` });
  }
}

function plumeIssues(e: EffectiveScenario, base: Scenario, out: Issue[]): void {
  const o = { ...PLUME_DEFAULTS, ...e.scenario.models?.plume };
  const cells = regionAreaM2(e.scenario) / o.cellSizeM ** 2;
  if (cells > MAX_PLUME_CELLS) {
    out.push({ pointer: settingPointer(e, 'plume', 'cellSizeM', base), expected: `a plume grid of at most ${fmt(MAX_PLUME_CELLS)} cells (larger cells or a smaller region)`, got: `${fmt(cells)} cells of ${o.cellSizeM} m` });
    return;
  }
  let wind = 0;
  for (const ev of e.scenario.events) if (ev.kind === 'chemicalLeak') for (const w of ev.wind) wind = Math.max(wind, w.speedMps);
  const dt = Math.min(e.scenario.durationS, plumeStableDt(o.cellSizeM, wind, o.diffusivityM2PerS, 0.5));
  const steps = cells * Math.ceil(e.scenario.durationS / dt);
  if (steps > MAX_PLUME_CELL_STEPS) {
    out.push({ pointer: '/durationS', expected: `a plume run of at most ${fmt(MAX_PLUME_CELL_STEPS)} cell-steps (${fmt(cells)} cells, steps of ${dt.toFixed(2)} s at ${wind} m/s wind); shorten it or coarsen the grid`, got: `${shortJson(e.scenario.durationS)} s, about ${fmt(steps)}` });
  }
}

/**
 * Checks every count a scenario multiplies before anything runs: timeline frames (durationS /
 * outputIntervalS), flood and plume grid cells (region / cell size²) and their work (cells x time
 * steps), in the baseline and in each variant (which may change the grids). Each issue names the
 * JSON pointer, the limit and what the file asks for.
 */
export function workIssues(s: Scenario): Issue[] {
  const out: Issue[] = [];
  const interval = s.outputIntervalS ?? s.durationS / 12;
  const frames = frameCount(s.durationS, Math.min(interval, s.durationS));
  if (frames > MAX_FRAMES) {
    out.push({ pointer: s.outputIntervalS !== undefined ? '/outputIntervalS' : '/durationS', expected: `at most ${MAX_FRAMES} timeline frames (durationS / outputIntervalS); use an interval of at least ${Math.ceil(s.durationS / (MAX_FRAMES - 1))} s`, got: `${shortJson(interval)} s, ${fmt(frames)} frames` });
  }
  for (const name of [BASELINE, ...s.variants.map((v) => v.name)]) {
    const e = applyVariant(s, name), modules = modulesOf(e.scenario);
    const before = out.length;
    if (modules.has('flood')) floodIssues(e, s, out);
    if (modules.has('plume')) plumeIssues(e, s, out);
    const added = out.splice(before);
    for (const i of added) if (!out.some((o) => o.pointer === i.pointer && o.expected === i.expected)) out.push(i);
  }
  return out;
}
