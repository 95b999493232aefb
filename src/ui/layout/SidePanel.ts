/** A tab of the side panel. */
export interface SideTab { id: string; label: string }

/** Where a section goes and how it starts. */
export interface SlotOptions {
  id: string;
  title: string;
  tab: string;
  /** Lower first within its tab (or its group). */
  order: number;
  open: boolean;
  /** A group the section sits in: one collapsible section holding several (e.g. the analysis tools). */
  group?: { id: string; title: string; order: number };
}

/**
 * The workspace's side panel: a tab bar (arrow keys move between tabs) over one tab panel per
 * tab, each holding collapsible sections in a declared order. The 'all' tab, when given, shows
 * every tab panel at once. Sections are `<details>`: their summary is the section title, their
 * body the feature's content.
 */
export class SidePanel {
  readonly element: HTMLElement;
  private readonly tabButtons = new Map<string, HTMLButtonElement>();
  private readonly tabPanels = new Map<string, HTMLElement>();
  private readonly slots = new Map<string, { details: HTMLDetailsElement; order: number }>();
  private current = '';

  constructor(parent: HTMLElement, tabs: readonly SideTab[], private readonly allTab: string | null = null) {
    const doc = parent.ownerDocument;
    this.element = doc.createElement('div');
    this.element.className = 'side-panel';
    const bar = doc.createElement('div');
    bar.className = 'side-tabs';
    bar.setAttribute('role', 'tablist');
    bar.setAttribute('aria-label', 'Side panel');
    for (const t of tabs) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.id = `tab-${t.id}`;
      b.setAttribute('role', 'tab');
      b.textContent = t.label;
      b.addEventListener('click', () => this.select(t.id));
      bar.appendChild(b);
      this.tabButtons.set(t.id, b);
      if (t.id === allTab) continue;
      const panel = doc.createElement('div');
      panel.className = 'side-tabpanel';
      panel.id = `tabpanel-${t.id}`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', b.id);
      b.setAttribute('aria-controls', panel.id);
      this.tabPanels.set(t.id, panel);
    }
    bar.addEventListener('keydown', (e) => this.onKey(e, tabs));
    this.element.append(bar, ...this.tabPanels.values());
    parent.appendChild(this.element);
  }

  /** The tab shown now. */
  get tab(): string { return this.current; }

  select(id: string): void {
    if (!this.tabButtons.has(id)) throw new Error(`side panel: no tab '${id}' (tabs: ${[...this.tabButtons.keys()].join(', ')})`);
    this.current = id;
    for (const [t, b] of this.tabButtons) {
      b.setAttribute('aria-selected', String(t === id));
      b.tabIndex = t === id ? 0 : -1;
    }
    for (const [t, p] of this.tabPanels) p.hidden = !(t === id || id === this.allTab);
  }

  /** Adds a section and returns the element the feature fills. Section ids are unique; a group opens when a section in it does. */
  slot(o: SlotOptions): HTMLElement {
    if (this.slots.has(o.id)) throw new Error(`side panel: section '${o.id}' is mounted twice`);
    const panel = this.tabPanels.get(o.tab);
    if (!panel) throw new Error(`side panel: section '${o.id}' asks for tab '${o.tab}', which does not exist`);
    let parent: HTMLElement = panel;
    if (o.group) {
      const g = this.slots.get(o.group.id) ?? this.mount(panel, { id: o.group.id, title: o.group.title, order: o.group.order, open: false }, 'side-section side-group');
      g.details.open ||= o.open;
      parent = g.details.querySelector(':scope > .side-section-body')!;
    }
    return this.mount(parent, o, 'side-section').details.querySelector<HTMLElement>(':scope > .side-section-body')!;
  }

  /** A `<details>` section in `parent`, placed by order among its sections. */
  private mount(parent: HTMLElement, o: { id: string; title: string; order: number; open: boolean }, className: string): { details: HTMLDetailsElement; order: number } {
    const doc = parent.ownerDocument;
    const details = doc.createElement('details');
    details.className = className;
    details.dataset.section = o.id;
    details.open = o.open;
    const summary = doc.createElement('summary');
    summary.textContent = o.title;
    const body = doc.createElement('div');
    body.className = 'side-section-body';
    details.append(summary, body);
    const after = [...this.slots.values()].filter((s) => s.details.parentElement === parent && s.order > o.order).sort((a, b) => a.order - b.order)[0];
    parent.insertBefore(details, after?.details ?? null);
    const entry = { details, order: o.order };
    this.slots.set(o.id, entry);
    return entry;
  }

  /** Brings a section into view: selects its tab (unless all are shown), opens it, scrolls to it. */
  reveal(id: string): void {
    const s = this.slots.get(id);
    if (!s) return;
    const tab = [...this.tabPanels].find(([, p]) => p.contains(s.details))?.[0];
    if (tab && this.current !== this.allTab && this.current !== tab) this.select(tab);
    s.details.open = true;
    const group = s.details.parentElement?.closest('details');
    if (group) (group as HTMLDetailsElement).open = true;
    s.details.scrollIntoView({ block: 'nearest' });
  }

  /** Removes a section (when its feature is disposed); a group left empty goes too. */
  unslot(id: string): void {
    const s = this.slots.get(id);
    const group = s?.details.parentElement?.closest('details');
    s?.details.remove();
    this.slots.delete(id);
    if (group && !group.querySelector('details')) this.unslot((group as HTMLElement).dataset.section ?? '');
  }

  private onKey(e: KeyboardEvent, tabs: readonly SideTab[]): void {
    const i = tabs.findIndex((t) => t.id === this.current);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const t = tabs[(next + tabs.length) % tabs.length];
    this.select(t.id);
    this.tabButtons.get(t.id)!.focus();
  }

  dispose(): void {
    this.element.remove();
  }
}
