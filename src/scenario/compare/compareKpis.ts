import { kpiSpec, type KpiId } from '../kpi/kpiCatalog';
import type { KpiValue, RunResult } from '../run/RunResult';

/** Which run a KPI favours. */
export type Verdict = 'variant' | 'baseline' | 'same';

/** One KPI of a variant against the baseline. */
export interface KpiDiff {
  /** variant - baseline, in the KPI's unit (null when either is "never"). */
  abs: number | null;
  /** 100 * (variant - baseline) / |baseline| (null when the baseline is 0 or either is "never"). */
  pct: number | null;
  better: Verdict;
}

/**
 * Compares one KPI. "Lower is better" KPIs favour the smaller value, "higher is better" ones the
 * larger. null means "never" (90 % never safe, no route at all): worse than any number. Values
 * within `relTol` (relative, default 1e-9) are the same.
 */
export function compareKpi(id: KpiId, baseline: KpiValue | undefined, variant: KpiValue | undefined, relTol = 1e-9): KpiDiff {
  const better = kpiSpec(id).better;
  const b = baseline ?? null, v = variant ?? null;
  if (b === null || v === null) {
    const verdict: Verdict = b === v ? 'same' : v === null ? 'baseline' : 'variant';
    return { abs: null, pct: null, better: verdict };
  }
  const abs = v - b;
  const pct = b === 0 ? null : (100 * abs) / Math.abs(b);
  if (Math.abs(abs) <= relTol * Math.max(1, Math.abs(b), Math.abs(v))) return { abs: 0, pct: b === 0 ? null : 0, better: 'same' };
  const variantLower = v < b;
  return { abs, pct, better: (better === 'lower') === variantLower ? 'variant' : 'baseline' };
}

/** One row of a KPI table: the KPI, every run's value, each variant's difference to the baseline. */
export interface KpiRow {
  id: KpiId;
  label: string;
  unit: string;
  better: 'lower' | 'higher';
  values: Record<string, KpiValue>;
  diffs: Record<string, KpiDiff>;
}

/** The KPI table of a scenario: its listed KPIs, the baseline and each variant (baseline first in `runs`). */
export function kpiTable(kpis: readonly KpiId[], runs: ReadonlyArray<Pick<RunResult, 'variant' | 'kpis'>>): KpiRow[] {
  const base = runs.find((r) => r.variant === 'baseline');
  if (!base) throw new Error('kpiTable: runs must include the baseline');
  return kpis.map((id) => {
    const spec = kpiSpec(id);
    const values: Record<string, KpiValue> = {}, diffs: Record<string, KpiDiff> = {};
    for (const r of runs) {
      values[r.variant] = r.kpis[id] ?? null;
      if (r !== base) diffs[r.variant] = compareKpi(id, base.kpis[id], r.kpis[id]);
    }
    return { id, label: spec.label, unit: spec.unit, better: spec.better, values, diffs };
  });
}
