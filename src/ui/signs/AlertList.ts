import type { Alert } from '../../signs/alerts/Alert';
import type { AlertEvent } from '../../signs/SignsStoreEvents';
import { SENSOR_KIND_SPECS, type SensorKind } from '../../signs/schema/sensorKinds';
import { alertText, type SignsLocale } from './alertText';
import { arrangeAlerts, type AlertFilter } from './arrangeAlerts';
import { SEVERITY_COLOURS } from './severityColours';

/** What the list needs from the signs store (SignsStore fits). */
export interface AlertSource {
  readonly events: { subscribe(type: 'alert', listener: (e: AlertEvent) => void): () => void };
  openAlerts(): Alert[];
  acknowledge(alertId: string): boolean;
  readonly alerts: { resolved(): Alert[] };
}

export interface AlertListOptions {
  locale?: SignsLocale;
  /** Called with the alert when the operator asks to go to it (button or Enter). */
  onFlyTo?: (alert: Alert) => void;
  /** Called once per newly raised alert: the wall plays a sound, flashes its frame. */
  onRaised?: (alert: Alert) => void;
  /** Flash a newly raised item (default true). */
  flash?: boolean;
  /** Recently resolved alerts shown under the open ones (default 5). */
  recentResolved?: number;
  /** Most alerts drawn (default 30): the rest are counted, and the filters reach them. */
  maxItems?: number;
  /** The sensors are simulated (placed by the simulator's rules): each alert carries a "simulated" tag. */
  simulated?: boolean;
}

/**
 * The alert list: open alerts grouped by kind (most severe group first; most severe and newest
 * first within), then the latest resolved ones, each with severity, title, location, value and
 * limit, time and state, an Acknowledge and a Locate button. Filters by kind and lowest severity;
 * at most `maxItems` cards. While the pointer or the focus is in the list its order holds still:
 * changes wait behind an "update" button, so a click never lands on an alert that moved under it.
 * Keyboard: arrows / Home / End move, Enter locates, A acknowledges. Redraws at most once per
 * 50 ms however many alerts arrive.
 */
export class AlertList {
  readonly element: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly counts: HTMLElement;
  private readonly items = new Map<string, HTMLLIElement>();
  private readonly off: () => void;
  private readonly opts: Required<Omit<AlertListOptions, 'onFlyTo' | 'onRaised'>> & AlertListOptions;
  private readonly flashIds = new Set<string>();
  private focusedId: string | null = null;
  private pending = false;
  private disposed = false;
  private readonly filter: AlertFilter = { kind: '', minSeverity: 'blue' };
  private readonly kindSelect: HTMLSelectElement;
  private readonly severitySelect: HTMLSelectElement;
  private readonly held: HTMLButtonElement;
  private readonly more: HTMLElement;
  /** Changes seen while the list was held still. */
  private heldChanges = 0;

  constructor(parent: HTMLElement, private readonly source: AlertSource, options: AlertListOptions = {}) {
    this.opts = { locale: 'zh', flash: true, recentResolved: 5, maxItems: 30, simulated: false, ...options };
    const zh = this.opts.locale === 'zh';
    this.element = parent.ownerDocument.createElement('section');
    this.element.className = 'panel rc-alerts';
    this.element.setAttribute('aria-label', zh ? '预警列表' : 'Alerts');
    const header = parent.ownerDocument.createElement('header');
    const h = parent.ownerDocument.createElement('h2');
    h.textContent = zh ? '预警' : 'Alerts';
    this.counts = parent.ownerDocument.createElement('div');
    this.counts.className = 'rc-counts';
    this.counts.setAttribute('aria-live', 'polite');
    header.append(h, this.counts);
    this.list = parent.ownerDocument.createElement('ol');
    this.list.setAttribute('aria-label', zh ? '预警，方向键选择，回车定位，A 确认' : 'Alerts: arrows to move, Enter to locate, A to acknowledge');
    this.list.addEventListener('keydown', (e) => this.onKey(e));
    this.list.addEventListener('focusin', (e) => { const id = (e.target as HTMLElement).closest('li')?.dataset.id; if (id) this.focusedId = id; });
    const doc = parent.ownerDocument;
    this.kindSelect = doc.createElement('select');
    this.kindSelect.setAttribute('aria-label', zh ? '类型' : 'Kind');
    this.severitySelect = doc.createElement('select');
    this.severitySelect.setAttribute('aria-label', zh ? '最低级别' : 'Lowest severity');
    for (const [v, t] of [['blue', zh ? '全部级别' : 'all severities'], ['yellow', zh ? '黄色及以上' : 'yellow and up'], ['orange', zh ? '橙色及以上' : 'orange and up'], ['red', zh ? '红色' : 'red only']]) this.severitySelect.add(new Option(t, v));
    this.kindSelect.addEventListener('change', () => { this.filter.kind = this.kindSelect.value; this.render(); });
    this.severitySelect.addEventListener('change', () => { this.filter.minSeverity = this.severitySelect.value as AlertFilter['minSeverity']; this.render(); });
    const filters = doc.createElement('div');
    filters.className = 'rc-filters';
    filters.append(this.kindSelect, this.severitySelect);
    this.held = doc.createElement('button');
    this.held.type = 'button';
    this.held.className = 'rc-held';
    this.held.hidden = true;
    this.held.addEventListener('click', () => this.render(true));
    this.more = doc.createElement('p');
    this.more.className = 'rc-more muted';
    // The order holds while the operator points at or works in the list; it catches up on leaving.
    this.list.addEventListener('pointerleave', () => { if (this.heldChanges) this.schedule(); });
    this.list.addEventListener('focusout', (e) => { if (!this.list.contains(e.relatedTarget as Node | null) && this.heldChanges) this.schedule(); });
    this.element.append(header, filters, this.held, this.list, this.more);
    parent.appendChild(this.element);
    this.off = source.events.subscribe('alert', (e) => this.onAlert(e));
    this.render();
  }

  private onAlert(e: AlertEvent): void {
    if (e.change === 'raised') {
      this.opts.onRaised?.(e.alert);
      if (this.opts.flash) this.flashIds.add(e.alert.id);
    }
    this.schedule();
  }

  /**
   * Coalesces a burst of alert events into one redraw within RENDER_DELAY_MS. A timer, not an
   * animation frame: a frame of a software-rendered 3D view can take seconds, and the list must not wait for it.
   */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => this.render(), RENDER_DELAY_MS);
  }

  /** True while the pointer or the keyboard focus is in the list (its order then holds still). */
  private get engaged(): boolean {
    return this.list.matches(':hover') || this.list.contains(this.element.ownerDocument.activeElement);
  }

  /** Redraws now (normally done on the next frame after an alert event); held while engaged unless forced. */
  render(force = false): void {
    this.pending = false;
    if (this.disposed) return;
    const open = this.source.openAlerts();
    this.renderCounts(open);
    if (!force && this.engaged && this.items.size > 0) {
      this.heldChanges++;
      this.held.hidden = false;
      this.held.textContent = this.opts.locale === 'zh' ? '有新变化：更新列表' : 'New changes: update the list';
      return;
    }
    this.heldChanges = 0;
    this.held.hidden = true;
    const { rows, hidden, kinds } = arrangeAlerts(open, this.source.alerts.resolved().slice(0, this.opts.recentResolved), this.filter, this.opts.maxItems);
    this.renderKinds(kinds);
    const hadFocus = this.list.contains(this.element.ownerDocument.activeElement);
    const lis = rows.map((r) => (r.type === 'group' ? this.groupItem(r.kind, r.count) : this.alertItem(r.alert)));
    const keep = new Set(lis);
    for (const [id, li] of this.items) if (!keep.has(li)) { li.remove(); this.items.delete(id); }
    for (const li of [...this.list.children]) if (!keep.has(li as HTMLLIElement)) li.remove();
    lis.forEach((li, i) => { if (this.list.children[i] !== li) this.list.insertBefore(li, this.list.children[i] ?? null); });
    this.flashIds.clear();
    const first = rows.find((r) => r.type === 'alert');
    if (!this.focusedId || !this.items.has(this.focusedId)) this.focusedId = first?.type === 'alert' ? first.alert.id : null;
    for (const [id, li] of this.items) li.tabIndex = id === this.focusedId ? 0 : -1;
    if (hadFocus && this.focusedId) this.items.get(this.focusedId)!.focus();
    this.more.textContent = hidden ? (this.opts.locale === 'zh' ? `另有 ${hidden} 条：按类型或级别筛选` : `${hidden} more not shown: filter by kind or severity to see them.`) : '';
  }

  private alertItem(a: Alert): HTMLLIElement {
    const li = this.items.get(a.id) ?? this.createItem(a);
    this.fill(li, a);
    if (this.flashIds.has(a.id)) li.classList.add('rc-flash');
    return li;
  }

  private readonly groups = new Map<string, HTMLLIElement>();
  private groupItem(kind: string, count: number): HTMLLIElement {
    let li = this.groups.get(kind);
    if (!li) {
      li = this.element.ownerDocument.createElement('li');
      li.className = 'rc-group';
      li.setAttribute('role', 'presentation');
      this.groups.set(kind, li);
    }
    li.textContent = `${kindTitle(kind, this.opts.locale)} · ${count}`;
    return li;
  }

  /** The kind filter's options, each with its open count. */
  private renderKinds(kinds: Map<string, number>): void {
    const zh = this.opts.locale === 'zh';
    const options = [new Option(zh ? '全部类型' : 'all kinds', ''), ...[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => new Option(`${kindTitle(k, this.opts.locale)} (${n})`, k))];
    if (this.filter.kind && !kinds.has(this.filter.kind)) options.push(new Option(`${kindTitle(this.filter.kind, this.opts.locale)} (0)`, this.filter.kind));
    this.kindSelect.replaceChildren(...options);
    this.kindSelect.value = this.filter.kind;
  }

  private renderCounts(open: Alert[]): void {
    const doc = this.element.ownerDocument;
    this.counts.replaceChildren(...(['red', 'orange', 'yellow', 'blue'] as const).map((sev) => {
      const n = open.filter((a) => a.severity === sev).length;
      const span = doc.createElement('span');
      span.className = 'rc-count';
      span.style.background = SEVERITY_COLOURS[sev];
      span.textContent = String(n);
      span.title = `${sev}: ${n}`;
      return span;
    }));
  }

  private createItem(a: Alert): HTMLLIElement {
    const doc = this.element.ownerDocument, zh = this.opts.locale === 'zh';
    const li = doc.createElement('li');
    li.className = 'rc-alert';
    li.dataset.id = a.id;
    if (this.opts.simulated) li.dataset.simulated = '1';
    li.setAttribute('aria-keyshortcuts', 'Enter A');
    li.addEventListener('animationend', () => li.classList.remove('rc-flash'));
    const actions = doc.createElement('div');
    actions.className = 'rc-actions';
    const ack = doc.createElement('button');
    ack.className = 'rc-ack';
    ack.textContent = zh ? '确认' : 'Acknowledge';
    ack.addEventListener('click', () => this.source.acknowledge(a.id));
    const go = doc.createElement('button');
    go.className = 'rc-locate';
    go.textContent = zh ? '定位' : 'Locate';
    go.addEventListener('click', () => this.opts.onFlyTo?.(a));
    go.hidden = !this.opts.onFlyTo;
    actions.append(ack, go);
    const title = doc.createElement('div'), loc = doc.createElement('div'), meta = doc.createElement('div');
    title.className = 'rc-title';
    loc.className = 'rc-meta rc-location';
    meta.className = 'rc-meta rc-value';
    li.append(title, actions, loc, meta);
    this.items.set(a.id, li);
    return li;
  }

  private fill(li: HTMLLIElement, a: Alert): void {
    const t = alertText(a, this.opts.locale);
    li.dataset.state = a.state;
    li.dataset.severity = a.severity;
    li.style.setProperty('--rc-sev', SEVERITY_COLOURS[a.severity]);
    li.setAttribute('aria-label', this.opts.simulated ? `${t.summary} (${this.opts.locale === 'zh' ? '模拟' : 'simulated'})` : t.summary);
    const [title, , loc, meta] = li.children as unknown as HTMLElement[];
    const sev = li.ownerDocument.createElement('span');
    sev.className = 'rc-sev';
    sev.textContent = t.severity;
    title.replaceChildren(sev, li.ownerDocument.createTextNode(t.title));
    if (this.opts.simulated) title.append(simulatedTag(li.ownerDocument, this.opts.locale));
    loc.textContent = t.location;
    meta.textContent = [t.value, t.time, t.state].filter(Boolean).join(' · ');
    (li.querySelector('.rc-ack') as HTMLButtonElement).disabled = a.state !== 'raised';
  }

  private onKey(e: KeyboardEvent): void {
    const li = (e.target as HTMLElement).closest('li');
    if (!li || e.target !== li) return;
    const all = [...this.list.querySelectorAll<HTMLLIElement>('li.rc-alert')];
    const i = all.indexOf(li);
    const move = (j: number) => { const n = all[Math.max(0, Math.min(all.length - 1, j))]; if (n) { this.focusedId = n.dataset.id!; for (const x of all) x.tabIndex = x === n ? 0 : -1; n.focus(); } };
    if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(all.length - 1);
    else if (e.key === 'Enter') { const a = this.alertOf(li); if (a) this.opts.onFlyTo?.(a); }
    else if (e.key === 'a' || e.key === 'A') this.source.acknowledge(li.dataset.id!);
    else return;
    e.preventDefault();
  }

  private alertOf(li: HTMLLIElement): Alert | undefined {
    const id = li.dataset.id;
    return this.source.openAlerts().find((a) => a.id === id) ?? this.source.alerts.resolved().find((a) => a.id === id);
  }

  /** Removes the list and stops listening; safe twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.off();
    this.element.remove();
  }
}

/** Alert events within this many ms share one redraw. */
const RENDER_DELAY_MS = 50;

/** The small tag on an alert from a simulated sensor. */
function simulatedTag(doc: Document, locale: SignsLocale): HTMLElement {
  const tag = doc.createElement('span');
  tag.className = 'rc-simulated-tag';
  tag.textContent = locale === 'zh' ? '模拟' : 'simulated';
  tag.title = locale === 'zh' ? '模拟传感器的预警' : 'from a simulated sensor';
  return tag;
}

function kindTitle(kind: string, locale: SignsLocale): string {
  const spec = SENSOR_KIND_SPECS[kind as SensorKind];
  return spec ? (locale === 'zh' ? spec.titleZh : spec.title) : kind;
}
