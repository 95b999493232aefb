import type { AlertCounts, VitalSign } from '../../hub/client/commandBoard';
import { SEVERITIES, type Severity } from '../../signs/rules/SignsRule';
import { INCIDENT_SEVERITY_COLOURS } from '../incidents/incidentText';
import { SEVERITY_COLOURS } from '../signs/severityColours';

/** Which of the command panels this window of the wall shows (a multi-window wall spreads them). */
export interface PanelPlaces {
  vitals: boolean;
  alerts: boolean;
  ticker: boolean;
}

const NORMAL = '#22c55e';
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

/** A 24 h sparkline as an inline SVG polyline (values scaled to the box; gaps break the line). */
export function sparklinePath(points: ReadonlyArray<readonly [number, number]>, fromMs: number, toMs: number, w: number, h: number): string {
  if (points.length === 0) return '';
  let lo = Infinity, hi = -Infinity;
  for (const [, v] of points) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const span = hi - lo || 1;
  return points.map(([t, v]) => `${(((t - fromMs) / (toMs - fromMs)) * w).toFixed(1)},${(h - ((v - lo) / span) * (h - 2) - 1).toFixed(1)}`).join(' ');
}

/**
 * The commander's wall panels around the 3D city: the city's vital signs per domain (value with
 * its unit, state colour from the worst open alert, a 24 h sparkline from the hub's store), open
 * alerts by severity for each district and the city, and a ticker of the latest events. It draws
 * what it is given: the wall feature feeds it the hub's state and holds no rules of its own.
 */
export class CommandPanels {
  readonly element: HTMLElement;
  private readonly vitals: HTMLElement | null;
  private readonly counts: HTMLElement | null;
  private readonly ticker: HTMLElement | null;
  private readonly incidents: HTMLElement | null;
  private readonly sparks = new Map<string, { points: Array<readonly [number, number]>; fromMs: number; toMs: number }>();

  constructor(parent: HTMLElement, places: PanelPlaces, private readonly unitName: (id: string) => string) {
    const doc = parent.ownerDocument;
    this.element = doc.createElement('div');
    this.element.className = 'wall-command';
    // Two columns beside the city (vital signs left; alert counts and incidents right) and the ticker between them.
    const column = (cls: string) => { const c = doc.createElement('div'); c.className = `wall-col ${cls}`; this.element.append(c); return c; };
    const left = column('wall-col-left'), right = column('wall-col-right');
    const section = (cls: string, title: string, parentEl: HTMLElement = this.element) => {
      const s = doc.createElement('section');
      s.className = `wall-panel ${cls}`;
      s.setAttribute('aria-label', title);
      const h = doc.createElement('h2');
      h.textContent = title;
      s.append(h);
      parentEl.append(s);
      return s;
    };
    this.vitals = places.vitals ? section('wall-vitals', 'City vital signs', left) : null;
    this.counts = places.alerts ? section('wall-alert-counts', 'Open alerts', right) : null;
    this.incidents = places.alerts ? section('wall-incidents', 'Open incidents', right) : null;
    this.ticker = places.ticker ? section('wall-ticker', 'Latest events') : null;
    this.ticker?.setAttribute('aria-live', 'polite');
    parent.appendChild(this.element);
  }

  /** Sets a sign's 24 h history ([time ms, mean]) for its sparkline. */
  setSparkline(kind: string, points: Array<readonly [number, number]>, fromMs: number, toMs: number): void {
    this.sparks.set(kind, { points, fromMs, toMs });
  }

  /**
   * Marks the panels as showing a replayed moment (`label`, e.g. 'REPLAY 14:32': a tag on every
   * panel heading, amber borders) or live again (null).
   */
  setReplay(label: string | null): void {
    this.element.classList.toggle('wall-command-replay', label !== null);
    for (const h of this.element.querySelectorAll('.wall-panel > h2')) {
      let tag = h.querySelector<HTMLElement>('.wall-replay-tag');
      if (!label) { tag?.remove(); continue; }
      if (!tag) { tag = h.ownerDocument.createElement('span'); tag.className = 'wall-replay-tag'; h.append(tag); }
      tag.textContent = ` · ${label}`;
    }
  }

  /** The vital signs; `markMs` draws that moment on the 24 h sparklines (the replayed one). */
  showVitals(signs: readonly VitalSign[], markMs: number | null = null): void {
    if (!this.vitals) return;
    const doc = this.vitals.ownerDocument;
    const rows = signs.map((s) => {
      const row = doc.createElement('div');
      row.className = 'wall-vital';
      row.dataset.kind = s.kind;
      row.dataset.state = s.severity ?? (s.value === null ? 'no-data' : 'normal');
      const colour = s.severity ? SEVERITY_COLOURS[s.severity] : s.value === null ? '#64748b' : NORMAL;
      const spark = this.sparks.get(s.kind);
      const path = spark ? sparklinePath(spark.points, spark.fromMs, spark.toMs, 120, 32) : '';
      const markX = spark && markMs !== null ? (((markMs - spark.fromMs) / (spark.toMs - spark.fromMs)) * 120).toFixed(1) : null;
      row.innerHTML = `<span class="wall-dot" style="background:${colour}"></span><span class="wall-domain"></span>`
        + `<span class="wall-value"></span><svg class="wall-spark" viewBox="0 0 120 32" preserveAspectRatio="none" aria-hidden="true">`
        + (path ? `<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="1.5"/>` : '')
        + (markX !== null ? `<line class="wall-spark-mark" x1="${markX}" x2="${markX}" y1="0" y2="32" stroke="#fbbf24" stroke-width="2"/>` : '') + '</svg><span class="wall-sub"></span>';
      row.querySelector('.wall-domain')!.textContent = s.domain;
      const value = row.querySelector('.wall-value')!;
      if (s.value === null) value.textContent = 'no data';
      else { const b = doc.createElement('b'), u = doc.createElement('small'); b.textContent = fmt(s.value); u.textContent = ` ${s.unitLabel}`; value.append(b, u); }
      row.querySelector('.wall-sub')!.textContent = `${s.title}${s.fresh === null ? '' : ` · ${s.fresh} sensors${s.stale ? `, ${s.stale} silent` : ''}`}${s.openAlerts ? ` · ${s.openAlerts} open alert${s.openAlerts > 1 ? 's' : ''}` : ''}${spark ? ` · 24 h: ${spark.points.length} point${spark.points.length === 1 ? '' : 's'}` : ''}`;
      return row;
    });
    this.vitals.replaceChildren(this.vitals.firstElementChild!, ...rows);
  }

  showCounts(c: AlertCounts): void {
    if (!this.counts) return;
    const doc = this.counts.ownerDocument;
    const table = doc.createElement('table');
    const head = `<tr><th>Unit</th>${SEVERITIES.map((s) => `<th><span class="wall-dot" style="background:${SEVERITY_COLOURS[s]}"></span>${s}</th>`).join('')}<th>all</th></tr>`;
    const cell = (counts: Record<Severity, number>) => SEVERITIES.map((s) => `<td data-severity="${s}">${counts[s]}</td>`).join('');
    table.innerHTML = head + c.districts.map((d) => `<tr data-unit="${d.districtId}"><th></th>${cell(d.counts)}<td>${d.total}</td></tr>`).join('')
      + `<tr class="wall-total" data-unit="city"><th>City</th>${cell(c.city)}<td>${c.total}</td></tr>`;
    table.querySelectorAll<HTMLElement>('tr[data-unit]:not([data-unit="city"]) th').forEach((th, i) => { th.textContent = this.unitName(c.districts[i].districtId); });
    const foot = doc.createElement('p');
    foot.className = 'wall-sub';
    foot.textContent = `${c.total} open, ${c.acknowledged} acknowledged`;
    this.counts.replaceChildren(this.counts.firstElementChild!, table, foot);
  }

  /** Open incidents, most severe first: status, owning centre and time since reported. */
  showIncidents(rows: ReadonlyArray<{ id: string; severity: string; text: string; overdue: boolean }>, emptyText = 'No open incidents.'): void {
    if (!this.incidents) return;
    const doc = this.incidents.ownerDocument;
    const ul = doc.createElement('ul');
    ul.append(...rows.slice(0, 8).map((r) => {
      const li = doc.createElement('li');
      li.dataset.id = r.id;
      if (r.overdue) li.classList.add('overdue');
      li.innerHTML = `<span class="wall-dot" style="background:${INCIDENT_SEVERITY_COLOURS[r.severity] ?? '#64748b'}"></span>`;
      li.append(r.text);
      return li;
    }));
    if (!rows.length) { const li = doc.createElement('li'); li.textContent = emptyText; ul.append(li); }
    else if (rows.length > 8) { const more = doc.createElement('li'); more.textContent = `and ${rows.length - 8} more`; ul.append(more); }
    this.incidents.replaceChildren(this.incidents.firstElementChild!, ul);
  }

  showTicker(lines: ReadonlyArray<{ severity: Severity; text: string }>, emptyText = 'No events since the wall opened.'): void {
    if (!this.ticker) return;
    const doc = this.ticker.ownerDocument;
    const items = lines.map((l) => {
      const li = doc.createElement('li');
      li.dataset.severity = l.severity;
      li.innerHTML = `<span class="wall-dot" style="background:${SEVERITY_COLOURS[l.severity]}"></span>`;
      li.append(l.text);
      return li;
    });
    const ul = doc.createElement('ul');
    ul.append(...items);
    if (!items.length) { const li = doc.createElement('li'); li.textContent = emptyText; ul.append(li); }
    this.ticker.replaceChildren(this.ticker.firstElementChild!, ul);
  }

  dispose(): void {
    this.element.remove();
  }
}
