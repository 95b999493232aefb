import type { KpiValue } from '../../scenario/run/RunResult';

/** A KPI value for display with its unit: '1,234 m²', '3 min 20 s' for seconds, '—' for never. */
export function formatKpi(v: KpiValue | undefined, unit: string): string {
  if (v === null || v === undefined) return 'never';
  if (unit === 's') return formatDuration(v);
  const digits = Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : Math.abs(v) >= 1 ? 1 : 3;
  const text = v.toLocaleString('en', { maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

/** Seconds as '45 s', '3 min 20 s', '2 h 05 min' (negative with a sign). */
export function formatDuration(s: number): string {
  const sign = s < 0 ? '−' : '', a = Math.abs(s);
  if (a < 60) return `${sign}${Math.round(a)} s`;
  if (a < 3600) return `${sign}${Math.floor(a / 60)} min ${String(Math.round(a % 60)).padStart(2, '0')} s`;
  if (a < 86400 * 2) return `${sign}${Math.floor(a / 3600)} h ${String(Math.round((a % 3600) / 60)).padStart(2, '0')} min`;
  return `${sign}${(a / 86400).toFixed(a < 86400 * 10 ? 1 : 0)} days`;
}
