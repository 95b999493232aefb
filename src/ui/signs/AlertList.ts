import type { Alert } from '../../signs/alerts/Alert';
import type { AlertEvent } from '../../signs/SignsStoreEvents';
import { alertText, type SignsLocale } from './alertText';
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
  /** Most items drawn (default 100). */
  maxItems?: number;
}

/**
 * The alert list: open alerts (most severe, newest first) then the latest resolved ones, each
 * with severity, title, location, value and limit, time and state, an Acknowledge and a Locate
 * button. Keyboard: arrows / Home / End move, Enter locates, A acknowledges. Redraws at most
 * once per frame however many alerts arrive.
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

  constructor(parent: HTMLElement, private readonly source: AlertSource, options: AlertListOptions = {}) {
    this.opts = { locale: 'zh', flash: true, recentResolved: 5, maxItems: 100, ...options };
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
    this.element.append(header, this.list);
    parent.appendChild(this.element);
    this.off = source.events.subscribe('alert', (e) => this.onAlert(e));
    this.render();
  }

  private onAlert(e: AlertEvent): void {
    if (e.change === 'raised') {
      this.opts.onRaised?.(e.alert);
      if (this.opts.flash) this.flashIds.add(e.alert.id);
    }
    if (this.pending) return;
    this.pending = true;
    const raf = this.element.ownerDocument.defaultView?.requestAnimationFrame;
    if (raf) raf(() => this.render()); else setTimeout(() => this.render(), 0);
  }

  /** Redraws now (normally done on the next frame after an alert event). */
  render(): void {
    this.pending = false;
    if (this.disposed) return;
    const open = this.source.openAlerts();
    const shown = [...open, ...this.source.alerts.resolved().slice(0, this.opts.recentResolved)].slice(0, this.opts.maxItems);
    const hadFocus = this.list.contains(this.element.ownerDocument.activeElement);
    const keep = new Set(shown.map((a) => a.id));
    for (const [id, li] of this.items) if (!keep.has(id)) { li.remove(); this.items.delete(id); }
    shown.forEach((a, i) => {
      const li = this.items.get(a.id) ?? this.createItem(a);
      this.fill(li, a);
      if (this.list.children[i] !== li) this.list.insertBefore(li, this.list.children[i] ?? null);
      if (this.flashIds.has(a.id)) { li.classList.add('rc-flash'); this.flashIds.delete(a.id); }
    });
    this.flashIds.clear();
    if (!this.focusedId || !this.items.has(this.focusedId)) this.focusedId = shown[0]?.id ?? null;
    for (const [id, li] of this.items) li.tabIndex = id === this.focusedId ? 0 : -1;
    if (hadFocus && this.focusedId) this.items.get(this.focusedId)!.focus();
    this.renderCounts(open);
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
    li.setAttribute('aria-label', t.summary);
    const [title, , loc, meta] = li.children as unknown as HTMLElement[];
    const sev = li.ownerDocument.createElement('span');
    sev.className = 'rc-sev';
    sev.textContent = t.severity;
    title.replaceChildren(sev, li.ownerDocument.createTextNode(t.title));
    loc.textContent = t.location;
    meta.textContent = [t.value, t.time, t.state].filter(Boolean).join(' · ');
    (li.querySelector('.rc-ack') as HTMLButtonElement).disabled = a.state !== 'raised';
  }

  private onKey(e: KeyboardEvent): void {
    const li = (e.target as HTMLElement).closest('li');
    if (!li || e.target !== li) return;
    const all = [...this.list.children] as HTMLLIElement[];
    const i = all.indexOf(li);
    const move = (j: number) => { const n = all[Math.max(0, Math.min(all.length - 1, j))]; if (n) { this.focusedId = n.dataset.id!; this.render(); n.focus(); } };
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
