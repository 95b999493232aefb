import type { ScenarioRunMessage } from '../../../hub/runs/scenarioRunMessage';
import type { KpiRow } from '../../../scenario/compare/compareKpis';
import { BASELINE } from '../../../scenario/variants/applyVariant';
import { formatDuration, formatKpi } from '../../../ui/scenario/formatKpi';
import type { RemoteScenarioStatus } from './RemoteScenarioRun';

/** KPI lines a wall shows under the title: enough to read from across the room. */
const KPI_LINES = 4;

/** "Scenario · Fire in a high-rise · variant Forward fire post · t = 10 min 00 s · from operator". */
function titleLine(m: ScenarioRunMessage): string {
  const v = m.variant === BASELINE ? 'baseline' : `variant ${m.scenario.variants.find((x) => x.name === m.variant)?.title ?? m.variant}`;
  return `Scenario · ${m.scenario.title} · ${v}${m.compare ? ' (compared with the baseline; the baseline shown)' : ''} · t = ${formatDuration(m.timeS)} · from ${m.by || 'a workspace'}`;
}

/** "Full response time: 9 min 12 s (baseline 11 min 40 s, better)" for a variant; the value alone for the baseline. */
function kpiLine(r: KpiRow, variant: string): string {
  if (variant === BASELINE) return `${r.label}: ${formatKpi(r.values[BASELINE], r.unit)}`;
  const d = r.diffs[variant];
  const verdict = d?.better === 'variant' ? 'better' : d?.better === 'baseline' ? 'worse' : 'the same';
  return `${r.label}: ${formatKpi(r.values[variant], r.unit)} (baseline ${formatKpi(r.values[BASELINE], r.unit)}, ${verdict})`;
}

/** The wall's caption lines for a scenario run from the hub (none when there is none). */
export function scenarioCaption(s: RemoteScenarioStatus): string[] {
  switch (s.state) {
    case 'none': return [];
    case 'error': return [s.message];
    case 'local': return [`${titleLine(s.message)} (from this machine's workspace)`];
    case 'computing': return [`${titleLine(s.message)} · computing on this wall ${Math.round(s.fraction * 100)} %`];
    case 'shown': return [titleLine(s.message), ...s.rows.slice(0, KPI_LINES).map((r) => kpiLine(r, s.message.variant))];
  }
}
