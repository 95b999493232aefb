import type { Alert } from '../../signs/alerts/Alert';

/** What the operator narrows the list to. */
export interface AlertFilter {
  /** A sensor kind, or '' for all. */
  kind: string;
  /** Lowest severity shown ('blue' shows all). */
  minSeverity: Alert['severity'];
}

/** One row of the list: a kind's heading (with its count) or an alert. */
export type AlertRow = { type: 'group'; kind: string; count: number } | { type: 'alert'; alert: Alert };

export const SEVERITY_RANK: Readonly<Record<Alert['severity'], number>> = { red: 3, orange: 2, yellow: 1, blue: 0 };

/**
 * The alert list's rows: alerts passing the filter grouped by kind (the group holding the most
 * severe alert first), most severe and newest first within a group, then the recently resolved
 * ones; at most `maxItems` alerts, with how many more the filter leaves out. Open alerts per kind
 * are counted before capping, so a heading always says how many there are.
 */
export function arrangeAlerts(open: readonly Alert[], resolved: readonly Alert[], filter: AlertFilter, maxItems: number): { rows: AlertRow[]; hidden: number; kinds: Map<string, number> } {
  const kinds = new Map<string, number>();
  for (const a of open) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  const min = SEVERITY_RANK[filter.minSeverity];
  const pass = (a: Alert) => (!filter.kind || a.kind === filter.kind) && SEVERITY_RANK[a.severity] >= min;
  const byKind = new Map<string, Alert[]>();
  for (const a of open) if (pass(a)) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a]);
  const order = (a: Alert, b: Alert) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.raisedAtMs - a.raisedAtMs || (a.id < b.id ? 1 : -1);
  const groups = [...byKind.entries()].map(([kind, list]) => ({ kind, list: list.sort(order) })).sort((g, h) => order(g.list[0], h.list[0]));
  const rows: AlertRow[] = [];
  let shown = 0, total = 0;
  for (const g of groups) {
    total += g.list.length;
    const room = Math.max(0, maxItems - shown);
    if (room === 0) continue;
    rows.push({ type: 'group', kind: g.kind, count: g.list.length });
    for (const a of g.list.slice(0, room)) rows.push({ type: 'alert', alert: a });
    shown += Math.min(room, g.list.length);
  }
  for (const a of resolved.filter(pass)) {
    if (shown >= maxItems) break;
    rows.push({ type: 'alert', alert: a });
    shown++;
  }
  return { rows, hidden: total - Math.min(total, shown), kinds };
}
