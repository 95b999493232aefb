import type { CityTwin } from '../../twin/CityTwin';
import type { TwinUnit, UnitLevel } from '../../twin/SpatialHierarchy';

const LEVEL_LABEL: Record<UnitLevel, string> = {
  city: 'City 市', district: 'District 区', street: 'Street 街道', community: 'Community 社区',
  grid: 'Grid cell 网格', building: 'Building 楼栋', floor: 'Floor 楼层',
};

export interface DrillDownOptions {
  /** Called when the selected unit changes (the view shows its boundary and flies to it). */
  onSelect(unit: TwinUnit): void;
  /** Open alerts under a unit, when the live feed is connected. */
  alertsUnder?(unitId: string): number;
}

const fmt = (n: number) => n.toLocaleString('en');
/** Address search hits listed at once. */
const SHOWN = 8;

/**
 * The analyst's drill-down: breadcrumbs, the selected unit's totals (with units), its children
 * and an address search, all keyboard-driven: arrows move in the list, Enter opens,
 * Backspace goes up a level (the page's `/` shortcut calls focusSearch). Opening a unit keeps the
 * focus in the panel: on its first child, or on its title when it has none (a floor).
 */
export class DrillDownPanel {
  readonly element: HTMLElement;
  private readonly crumbs: HTMLOListElement;
  private readonly title: HTMLElement;
  private readonly totals: HTMLDListElement;
  private readonly list: HTMLUListElement;
  private readonly listTitle: HTMLElement;
  private readonly results: HTMLUListElement;
  private readonly resultCount: HTMLElement;
  private readonly search: HTMLInputElement;
  private current!: TwinUnit;

  constructor(parent: HTMLElement, private readonly model: CityTwin, private readonly opts: DrillDownOptions) {
    this.element = el('section', 'panel drilldown');
    this.element.setAttribute('aria-label', 'Spatial units');
    this.crumbs = el('ol', 'breadcrumbs');
    const nav = el('nav');
    nav.setAttribute('aria-label', 'Unit breadcrumbs');
    nav.append(this.crumbs);
    this.title = el('h2', 'unit-title');
    this.totals = el('dl', 'unit-totals');
    this.search = document.createElement('input');
    this.search.type = 'search';
    this.search.placeholder = 'Search an address, Chinese or pinyin (key /)';
    this.search.setAttribute('aria-label', 'Search standard addresses (Chinese or pinyin)');
    this.results = el('ul', 'search-results');
    this.resultCount = el('p', 'search-count');
    this.resultCount.setAttribute('aria-live', 'polite');
    this.title.tabIndex = -1;
    this.listTitle = el('h3');
    this.list = el('ul', 'unit-children');
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', 'Child units');
    this.element.append(nav, this.title, this.totals, this.search, this.resultCount, this.results, this.listTitle, this.list);
    parent.appendChild(this.element);
    this.list.addEventListener('keydown', (e) => this.onListKey(e));
    // At a leaf (a floor) the keyboard focus is on the title: Backspace must climb from there too.
    this.title.addEventListener('keydown', (e) => this.onListKey(e));
    this.search.addEventListener('input', () => this.showResults());
    this.search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') (this.results.querySelector('button') as HTMLButtonElement | null)?.click();
      if (e.key === 'Escape') { this.search.value = ''; this.showResults(); }
    });
    this.search.addEventListener('keydown', (e) => { if (e.key === 'ArrowDown') { e.preventDefault(); (this.results.querySelector('button') as HTMLButtonElement | null)?.focus(); } });
    this.results.addEventListener('keydown', (e) => this.onResultKey(e));
    this.select(model.hierarchy.root.id);
  }

  get selected(): TwinUnit { return this.current; }

  /** Selects a unit, building ('B000123') or floor ('B000123/F4') by id. */
  select(id: string): void {
    const unit = this.model.hierarchy.node(id);
    if (!unit) throw new RangeError(`DrillDownPanel.select: unknown unit "${id}"`);
    this.current = unit;
    this.render();
    this.opts.onSelect(unit);
  }

  private render(): void {
    const h = this.model.hierarchy, u = this.current;
    this.crumbs.replaceChildren(...h.ancestors(u.id).map((a, i, all) => {
      const li = el('li');
      const b = button(a.name, () => this.select(a.id));
      if (i === all.length - 1) b.setAttribute('aria-current', 'true');
      li.append(b);
      return li;
    }));
    this.title.textContent = `${u.name} `;
    const small = el('small');
    small.textContent = `${LEVEL_LABEL[u.level]} · ${u.id}`;
    this.title.append(small);
    const t = h.totals(u.id);
    const rows: Array<[string, string, string]> = [
      ['people', 'People present', `${fmt(t.people)} persons`],
      ['buildings', 'Buildings', fmt(t.buildings)], ['floors', 'Floors', fmt(t.floors)],
      ['households', 'Households', fmt(t.households)], ['companies', 'Companies', fmt(t.companies)],
      ['events', '12345 cases (90 days)', fmt(t.events)], ['devices', 'Devices', fmt(t.devices)],
    ];
    const alerts = this.opts.alertsUnder?.(u.id);
    if (alerts !== undefined) rows.push(['alerts', 'Open alerts', fmt(alerts)]);
    this.totals.replaceChildren(...rows.flatMap(([key, label, value]) => {
      const dt = el('dt'); dt.textContent = label;
      const dd = el('dd'); dd.textContent = value; dd.dataset.total = key;
      return [dt, dd];
    }));
    const kids = h.children(u.id);
    this.listTitle.textContent = kids.length ? `${kids.length} ${kids.length === 1 ? 'child' : 'children'}` : 'No children';
    this.list.replaceChildren(...kids.map((k) => {
      const li = el('li');
      li.setAttribute('role', 'option');
      li.tabIndex = -1;
      li.dataset.id = k.id;
      const people = h.totals(k.id).people;
      li.textContent = `${k.name} · ${fmt(people)} persons`;
      li.addEventListener('click', () => this.select(k.id));
      return li;
    }));
    const first = this.list.firstElementChild as HTMLElement | null;
    if (first) first.tabIndex = 0;
  }

  private onListKey(e: KeyboardEvent): void {
    const items = [...this.list.children] as HTMLElement[];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const focus = (k: number) => { const t = items[Math.max(0, Math.min(items.length - 1, k))]; if (t) { items.forEach((x) => (x.tabIndex = -1)); t.tabIndex = 0; t.focus(); } };
    if (e.key === 'ArrowDown') { e.preventDefault(); focus(i + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); focus(i - 1); }
    else if (e.key === 'Home') { e.preventDefault(); focus(0); }
    else if (e.key === 'End') { e.preventDefault(); focus(items.length - 1); }
    else if (e.key === 'Enter' && i >= 0) { e.preventDefault(); this.select(items[i].dataset.id!); this.keepFocus(); }
    else if (e.key === 'Backspace' && this.current.parentId) { e.preventDefault(); this.select(this.current.parentId); this.keepFocus(); }
  }

  /** After a keyboard move the focus stays in the panel: the first child, or the title of a leaf. */
  private keepFocus(): void {
    ((this.list.firstElementChild as HTMLElement | null) ?? this.title).focus();
  }

  /** Focuses the address search (the page's `/` shortcut). */
  focusSearch(): void {
    this.search.focus();
    this.search.select();
  }

  private onResultKey(e: KeyboardEvent): void {
    const items = [...this.results.querySelectorAll('button')];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); items[Math.min(items.length - 1, i + 1)]?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); if (i <= 0) this.search.focus(); else items[i - 1].focus(); }
  }

  private showResults(): void {
    const q = this.search.value.trim();
    // One more than shown tells "8 shown of more" from "exactly 8".
    const hits = q ? this.model.addresses.search(q, SHOWN + 1) : [];
    const shown = hits.slice(0, SHOWN);
    this.resultCount.textContent = !q ? '' : hits.length === 0 ? `No address matches “${q}”.`
      : hits.length > SHOWN ? `First ${SHOWN} matches; type more to narrow.` : `${hits.length} ${hits.length === 1 ? 'match' : 'matches'}.`;
    this.results.replaceChildren(...shown.map((hit) => {
      const li = el('li');
      li.append(button(`${hit.address}`, () => { this.search.value = ''; this.showResults(); this.select(hit.buildingId); this.keepFocus(); }, hit.addressPinyin));
      return li;
    }));
  }

  dispose(): void {
    this.element.remove();
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  return e;
}

function button(text: string, onClick: () => void, title?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (title) b.title = title;
  b.addEventListener('click', onClick);
  return b;
}
