import type { Scenario } from '../../scenario/schema/Scenario';
import { BASELINE } from '../../scenario/variants/applyVariant';
import { validateScenarioValue } from '../../scenario/validate/validateScenario';
import { readRunPayload } from './readRunPayload';

/**
 * A what-if scenario run shown on a workspace, as it travels to walls on other machines through
 * the hub's broker (retained on `hub/<city>/runs/scenario`; an empty retained payload withdraws
 * it). The request, not the result: the scenario definition (2-4 KB for the shipped ones), the
 * variant, and the time shown. A result would be 47 KB to 1.5 MB of layers per run (measured on
 * the demo city's scenarios, baseline + one variant), over the broker's 128 KB retained limit for
 * half of them; the runs are deterministic (cached by hash), so a wall re-runs the definition in
 * its own workers and shows the same layers and KPIs.
 */
export interface ScenarioRunMessage {
  v: 1;
  /** The run's id: a new one for each scenario, variant or compare choice shown. */
  run: string;
  /** The scenario the workspace ran (validated again by the wall: schema, semantics, work limits). */
  scenario: Scenario;
  /** The run shown: 'baseline' or one of the scenario's variants. */
  variant: string;
  /** The workspace shows baseline | variant side by side (its main view, mirrored on walls, is the baseline). */
  compare: boolean;
  /** The simulated time shown (s from the scenario's start). */
  timeS: number;
  /** Who published it, and when (epoch ms). */
  by: string;
  atMs: number;
}

/** The largest message taken (bytes): a shipped scenario is 2-4 KB, the broker retains up to 128 KB. */
export const MAX_SCENARIO_RUN_BYTES = 65_536;

const fail = (where: string, expected: string) => ({ error: `runs/scenario: ${where}: expected ${expected}` });

/**
 * Reads a runs/scenario payload: the message, null for a withdrawal (empty), or why it is
 * refused (size, UTF-8 JSON, each field, and the scenario's own validation with its JSON pointers).
 */
export function parseScenarioRunMessage(payload: Uint8Array | string): ScenarioRunMessage | null | { error: string } {
  const read = readRunPayload('scenario', payload, MAX_SCENARIO_RUN_BYTES);
  if (read === null || 'error' in read) return read;
  const v = read.value;
  const o = v as Partial<ScenarioRunMessage> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o) || o.v !== 1) return fail('/v', '1');
  if (typeof o.run !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(o.run)) return fail('/run', 'an id of 1-64 letters, digits, - or _');
  if (!o.scenario || typeof o.scenario !== 'object' || Array.isArray(o.scenario)) return fail('/scenario', 'a scenario object');
  let scenario: Scenario;
  try {
    scenario = validateScenarioValue(o.scenario, { file: 'runs/scenario /scenario' });
  } catch (err) {
    return { error: (err as Error).message };
  }
  const names = [BASELINE, ...scenario.variants.map((x) => x.name)];
  if (typeof o.variant !== 'string' || !names.includes(o.variant)) return fail('/variant', `one of ${names.map((n) => `"${n}"`).join(', ')}`);
  if (typeof o.compare !== 'boolean') return fail('/compare', 'true or false');
  if (typeof o.timeS !== 'number' || !Number.isFinite(o.timeS) || o.timeS < 0 || o.timeS > scenario.durationS) return fail('/timeS', `a time from 0 to the scenario's ${scenario.durationS} s`);
  if (typeof o.by !== 'string' || o.by.length > 64 || typeof o.atMs !== 'number' || !Number.isFinite(o.atMs)) return fail('/by, /atMs', 'the publisher (at most 64 characters) and a time');
  return { v: 1, run: o.run, scenario, variant: o.variant, compare: o.compare, timeS: o.timeS, by: o.by, atMs: o.atMs };
}
