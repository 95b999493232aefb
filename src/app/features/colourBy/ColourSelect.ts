import type { ColourChoices } from '../../host/ColourChoices';

/**
 * The top bar's `<select id="color-by">` over the colour choices: grouped, an unavailable
 * choice disabled with its reason in the label and tooltip. A choice asked for before it exists
 * or while unavailable (e.g. from the URL, before the live feed connects) is applied as soon as
 * it can be.
 */
export class ColourSelect {
  readonly element: HTMLLabelElement;
  private readonly select: HTMLSelectElement;
  private pending: string | null = null;
  private readonly off: () => void;

  constructor(private readonly choices: ColourChoices, private readonly onChosen: (id: string) => void) {
    this.element = document.createElement('label');
    this.element.className = 'colour-by';
    this.element.append('Colour by ');
    this.select = document.createElement('select');
    this.select.id = 'color-by';
    this.element.appendChild(this.select);
    this.select.addEventListener('change', () => this.choose(this.select.value));
    this.off = choices.subscribe(() => this.render());
    this.render();
  }

  /** Applies a choice now, or as soon as it exists and is available. */
  choose(id: string): void {
    const c = this.choices.list().find((x) => x.id === id);
    if (id && (!c || c.unavailable)) {
      this.pending = id;
      return;
    }
    this.pending = null;
    this.choices.select(id);
    this.onChosen(id);
  }

  private render(): void {
    const doc = this.select.ownerDocument;
    const none = doc.createElement('option');
    none.value = '';
    none.textContent = 'none';
    const groups = new Map<string, HTMLElement>();
    const out: HTMLElement[] = [none];
    for (const c of this.choices.list()) {
      const o = doc.createElement('option');
      o.value = c.id;
      o.textContent = c.unavailable ? `${c.label} — ${c.unavailable}` : c.label;
      o.disabled = c.unavailable !== null;
      if (c.unavailable) o.title = c.unavailable;
      if (!c.group) { out.push(o); continue; }
      let g = groups.get(c.group);
      if (!g) {
        g = doc.createElement('optgroup');
        (g as HTMLOptGroupElement).label = c.group;
        groups.set(c.group, g);
        out.push(g);
      }
      g.appendChild(o);
    }
    this.select.replaceChildren(...out);
    this.select.value = this.choices.current;
    if (this.pending) this.choose(this.pending);
  }

  dispose(): void {
    this.off();
    this.element.remove();
  }
}
