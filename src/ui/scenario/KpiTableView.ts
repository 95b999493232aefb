import type { KpiRow } from '../../scenario/compare/compareKpis';
import { formatDuration, formatKpi } from './formatKpi';

const VERDICT: Record<string, string> = { variant: 'variant better', baseline: 'baseline better', same: 'same' };

/**
 * The KPI table of a baseline and one variant: value of each, the difference (absolute and %) and
 * which is better (colour plus text, so it does not rely on colour). A real <table> with a caption
 * and header cells for screen readers.
 */
export class KpiTableView {
  readonly element: HTMLTableElement;

  constructor(parent: HTMLElement) {
    this.element = document.createElement('table');
    this.element.className = 'sc-kpis';
    this.element.hidden = true;
    // The table scrolls sideways inside its column rather than overflowing it.
    const wrap = document.createElement('div');
    wrap.className = 'sc-kpis-wrap';
    wrap.appendChild(this.element);
    parent.appendChild(wrap);
  }

  show(rows: readonly KpiRow[] | null, variant: string, variantTitle: string): void {
    const t = this.element;
    t.replaceChildren();
    t.hidden = rows === null;
    if (!rows) return;
    const cap = t.createCaption();
    cap.textContent = variant === 'baseline' ? 'KPIs of the baseline' : `KPIs: baseline vs ${variantTitle}`;
    const head = t.createTHead().insertRow();
    for (const h of variant === 'baseline' ? ['KPI', 'baseline'] : ['KPI', 'baseline', 'variant', 'change', 'better']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      tr.dataset.kpi = r.id;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = r.label;
      th.title = `${r.id} (${r.better} is better)`;
      tr.appendChild(th);
      const cell = (text: string, attrs: Record<string, string> = {}) => {
        const td = tr.insertCell();
        td.textContent = text;
        Object.assign(td.dataset, attrs);
      };
      cell(formatKpi(r.values.baseline, r.unit), { run: 'baseline' });
      if (variant === 'baseline') continue;
      const d = r.diffs[variant];
      cell(formatKpi(r.values[variant], r.unit), { run: 'variant' });
      const abs = d.abs === null ? '—' : `${d.abs > 0 ? '+' : ''}${r.unit === 's' ? formatDuration(d.abs) : formatKpi(d.abs, r.unit)}`;
      cell(d.pct === null ? abs : `${abs} (${d.pct > 0 ? '+' : ''}${d.pct.toFixed(1)} %)`, { diff: '' });
      cell(VERDICT[d.better], { better: d.better });
    }
  }

  dispose(): void {
    this.element.remove();
  }
}
