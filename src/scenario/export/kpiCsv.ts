import type { KpiRow } from '../compare/compareKpis';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function field(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const num = (v: number | null, digits = 6) => (v === null ? null : Number(v.toFixed(digits)));

/**
 * The KPI table as CSV (RFC 4180, CRLF line ends, a header row): per KPI its id, label, unit and
 * which direction is better, every run's value, and per variant the difference to the baseline
 * (absolute, %) and which run it favours. Empty cells mean "never".
 */
export function kpiCsv(rows: readonly KpiRow[], runs: readonly string[]): string {
  const variants = runs.filter((r) => r !== 'baseline');
  const header = ['kpi', 'label', 'unit', 'better', 'baseline', ...variants.flatMap((v) => [v, `${v} diff`, `${v} diff %`, `${v} better`])];
  const lines = rows.map((r) => [
    r.id, r.label, r.unit, r.better, r.values.baseline ?? null,
    ...variants.flatMap((v) => [r.values[v] ?? null, num(r.diffs[v]?.abs ?? null), num(r.diffs[v]?.pct ?? null, 2), r.diffs[v]?.better ?? null]),
  ]);
  return [header, ...lines].map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}
