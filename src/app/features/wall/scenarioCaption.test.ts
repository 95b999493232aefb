import { describe, expect, it } from 'vitest';
import type { ScenarioRunMessage } from '../../../hub/runs/scenarioRunMessage';
import type { KpiRow } from '../../../scenario/compare/compareKpis';
import type { Scenario } from '../../../scenario/schema/Scenario';
import { scenarioCaption } from './scenarioCaption';

const scenario = { id: 'fire', title: 'Fire in a tower', variants: [{ name: 'post', title: 'Forward fire post' }] } as unknown as Scenario;
const message = (variant: string, compare = false): ScenarioRunMessage => ({ v: 1, run: 'r1', scenario, variant, compare, timeS: 600, by: 'operator', atMs: 1 });
const row: KpiRow = { id: 'fullResponseS', label: 'Full response', unit: 's', better: 'lower', values: { baseline: 700, post: 552 }, diffs: { post: { abs: -148, pct: -21, better: 'variant' } } } as KpiRow;

describe('scenarioCaption', () => {
  it('names the scenario, the variant, the time and the sender, with the main KPIs against the baseline', () => {
    expect(scenarioCaption({ state: 'shown', message: message('post'), rows: [row] })).toEqual([
      'Scenario · Fire in a tower · variant Forward fire post · t = 10 min 00 s · from operator',
      'Full response: 9 min 12 s (baseline 11 min 40 s, better)',
    ]);
    expect(scenarioCaption({ state: 'shown', message: message('baseline'), rows: [row] })[1]).toBe('Full response: 11 min 40 s');
  });

  it('says when the wall computes, when the baseline is shown beside a variant, and why a run is not shown', () => {
    expect(scenarioCaption({ state: 'computing', message: message('post', true), fraction: 0.42 })).toEqual([
      'Scenario · Fire in a tower · variant Forward fire post (compared with the baseline; the baseline shown) · t = 10 min 00 s · from operator · computing on this wall 42 %',
    ]);
    expect(scenarioCaption({ state: 'error', message: 'Scenario run from the hub refused: runs/scenario: expected UTF-8 JSON' })).toEqual(['Scenario run from the hub refused: runs/scenario: expected UTF-8 JSON']);
    expect(scenarioCaption({ state: 'none' })).toEqual([]);
  });
});
